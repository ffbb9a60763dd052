package org.topicbench.run;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;

/**
 * The run directory format, {@value #FORMAT} (results/FORMAT.md): its id and version, its files, the JSON
 * settings of its manifest, and which directories may be replaced by a run.
 */
public final class RunFormat {
  /** The manifest's {@code format}. */
  public static final String FORMAT = "topicbench-run/3";
  /** The version in it. */
  public static final int VERSION = 3;
  /** Every format's prefix. */
  public static final String PREFIX = "topicbench-run/";

  /** Files written, in order. */
  public static final List<String> FILES = List.of(
      "summary.csv", "per-class.csv", "confusion.csv", "folds.csv", "calibration.csv", "pairwise.csv", "predictions.csv",
      "examples.csv", "timings.csv", "tuning.csv", "ranks.csv", "ranking.csv", "wins.csv", "manifest.json");
  /**
   * The files that a run may store gzip-compressed instead, as {@code <name>.gz} (results/FORMAT.md,
   * "Compressed files"): the two that grow with the corpus. The manifest's {@code files} lists the name
   * each one has.
   */
  public static final List<String> COMPRESSIBLE = List.of("predictions.csv", "examples.csv");
  /** The suffix of a compressed file. */
  public static final String GZ = ".gz";
  /** {@link Compression#AUTO} compresses a compressible file that has more rows than this. */
  public static final int AUTO_ROWS = 100_000;

  /** Which of the {@link #COMPRESSIBLE} files a run stores compressed. */
  public enum Compression {
    /** Those with more than {@value RunFormat#AUTO_ROWS} rows (the default). */
    AUTO,
    /** Both. */
    ALWAYS,
    /** Neither. */
    NEVER;

    /** Whether a compressible file of {@code rows} rows is compressed. */
    public boolean compress(long rows) {
      return this == ALWAYS || this == AUTO && rows > AUTO_ROWS;
    }
  }

  /** The one file that is not deterministic. */
  public static final String TIMINGS = "timings.csv";
  /** The manifest. */
  public static final String MANIFEST = "manifest.json";
  /** The report's file, which {@code topicbench evaluate} and {@code report} add to a run directory. */
  public static final String REPORT = "report.html";
  /** The prefix of the folder in which {@code topicbench report} builds a report before moving it in. */
  public static final String REPORT_TMP = ".report.tmp-";
  /** The report's chart folder: {@code <dataset>-<protocol>-<chart>.svg} and {@code .png}. */
  public static final String CHARTS = "charts";

  private RunFormat() {}

  /** The manifest's JSON mapper: snake-case keys, unknown keys refused. */
  static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
      .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
      .configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
      .build();

  /** How manifests are printed: two-space indent, one array element per line, a final newline. */
  static ObjectWriter printer() {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    DefaultIndenter ind = new DefaultIndenter("  ", "\n");
    pp.indentObjectsWith(ind);
    pp.indentArraysWith(ind);
    return JSON.writer(pp);
  }

  /**
   * Takes the lock of run directory {@code dir}, finishing or rolling back a replacement an earlier
   * process left half done ({@link AtomicFile#lockDirectory}).
   *
   * @throws InputException when another process holds it, or it cannot be taken
   */
  public static AtomicFile.DirectoryLock lock(Path dir) {
    try {
      return AtomicFile.lockDirectory(dir);
    } catch (IOException e) {
      throw InputException.of(dir, "cannot lock it: " + AtomicFile.describe(e));
    }
  }

  /**
   * Refuses to let a run replace {@code dir} unless it is absent, empty, or provably a run directory: its
   * {@code manifest.json} parses and names a format {@code topicbench-run/<n>}, its manifest lists
   * {@code timings.csv} (a baseline's does not: {@code check --update} replaces those), and it holds
   * nothing but run files, {@value #REPORT}, and {@value #CHARTS} holding only {@code .svg} and {@code .png}.
   *
   * @throws InputException naming {@code dir} and what is in the way
   */
  public static void requireReplaceable(Path dir) {
    String problem = notReplaceable(dir, false);
    if (problem != null) {
      throw InputException.of(dir, problem);
    }
  }

  /**
   * Why {@code dir} may not be replaced by a run ({@code baseline} false: see {@link #requireReplaceable})
   * or by a baseline ({@code baseline} true: it may hold only regular files named as run files, whatever
   * they hold, so that {@code check --update} repairs a broken baseline), or null when it may.
   */
  public static String notReplaceable(Path dir, boolean baseline) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return "exists and is not a directory; name a run directory";
    }
    List<Path> entries;
    try (var s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      return "cannot list it: " + e.getMessage();
    }
    if (entries.isEmpty()) {
      return null;
    }
    if (baseline) {
      for (Path e : entries) {
        if (!Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) || !isRunFile(e.getFileName().toString())) {
          return "exists and is not a topicbench baseline (it holds files other than run files: "
              + e.getFileName() + "); not replacing it";
        }
      }
      return null;
    }
    String what = "a topicbench run directory";
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return "exists and is not " + what + " (no manifest.json); not replacing it";
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(manifest.toFile());
    } catch (IOException e) {
      return "exists and is not " + what + " (its manifest.json is not JSON); not replacing it";
    }
    if (root == null || !root.path("format").asText("").startsWith(PREFIX)) {
      return "exists and is not " + what + " (its manifest.json names no topicbench-run format); not replacing it";
    }
    boolean hasTimings = false;
    for (JsonNode f : root.path("files")) {
      hasTimings |= f.asText().equals(TIMINGS);
    }
    if (!hasTimings) {
      return "is a topicbench baseline ('topicbench check --update' replaces it); not replacing it";
    }
    for (Path e : entries) {
      String name = e.getFileName().toString();
      boolean own =
          Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) && (isRunFile(name) || name.equals(REPORT))
              || name.equals(CHARTS) && onlyCharts(e)
              // what a killed 'topicbench report' left
              || name.startsWith(REPORT_TMP) && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS);
      if (!own) {
        return "holds " + name + ", which topicbench did not write; not replacing it (move it away or choose"
            + " another directory)";
      }
    }
    return null;
  }

  /**
   * A file name any version of the format writes (this version's, and {@code topicbench-run/1}'s), a
   * {@link #COMPRESSIBLE} one's compressed name included.
   */
  public static boolean isRunFile(String name) {
    return FILES.contains(name) || name.endsWith(GZ) && COMPRESSIBLE.contains(name.substring(0, name.length() - GZ.length()));
  }

  /**
   * The name under which {@code files} (a manifest's) lists the file {@code name}: {@code name} itself, or
   * {@code name.gz} for a compressed one; null when it lists neither.
   */
  public static String stored(java.util.Collection<String> files, String name) {
    if (files.contains(name)) {
      return name;
    }
    return COMPRESSIBLE.contains(name) && files.contains(name + GZ) ? name + GZ : null;
  }

  private static boolean onlyCharts(Path charts) {
    if (!Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var s = Files.list(charts)) {
      return s.allMatch(
          p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
              && (p.getFileName().toString().endsWith(".svg") || p.getFileName().toString().endsWith(".png")));
    } catch (IOException e) {
      return false;
    }
  }
}
