package org.topicbench.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a result came from: the git commit of the working tree, read from {@code .git} files without
 * running git (plain repositories and linked worktrees, loose and packed refs).
 */
public final class Provenance {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private Provenance() {}

  /** The commit checked out in the repository containing the working directory, or {@code unknown}. */
  public static String gitCommit() {
    return gitCommit(Path.of("").toAbsolutePath());
  }

  /** The commit checked out in the repository containing {@code dir}, or {@code unknown}. */
  public static String gitCommit(Path dir) {
    try {
      for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
        Path dotGit = d.resolve(".git");
        if (Files.isDirectory(dotGit)) {
          return headOf(dotGit, dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
          // a linked worktree: "gitdir: <path>", whose "commondir" names the shared repository
          String line = read(dotGit);
          if (!line.startsWith("gitdir:")) {
            return "unknown";
          }
          Path gitDir = d.resolve(line.substring("gitdir:".length()).strip()).normalize();
          Path common = gitDir;
          Path commonFile = gitDir.resolve("commondir");
          if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(read(commonFile)).normalize();
          }
          return headOf(gitDir, common);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static String headOf(Path gitDir, Path commonDir) throws IOException {
    String head = read(gitDir.resolve("HEAD"));
    if (SHA.matcher(head).matches()) {
      return head;
    }
    if (!head.startsWith("ref:")) {
      return "unknown";
    }
    String ref = head.substring("ref:".length()).strip();
    for (Path base : new Path[] {gitDir, commonDir}) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String sha = read(loose);
        return SHA.matcher(sha).matches() ? sha : "unknown";
      }
    }
    Path packed = commonDir.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        String[] parts = line.split(" ", 2);
        if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
          return parts[0];
        }
      }
    }
    return "unknown";
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8).strip();
  }
}
