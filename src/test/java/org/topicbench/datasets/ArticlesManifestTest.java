package org.topicbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArticlesManifestTest {
  @Test
  void everyArticleFileIsInTheManifestOnceWithItsSha256() throws IOException, NoSuchAlgorithmException {
    List<Corpus.Article> manifest = Corpus.manifest();
    List<String> files;
    try (Stream<Path> s = Files.list(Corpus.ARTICLES)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
    }
    assertEquals(5, files.size(), "article files");
    assertEquals(files, manifest.stream().map(Corpus.Article::file).toList(), "manifest files, in file-name order");
    for (Corpus.Article a : manifest) {
      byte[] bytes = Files.readAllBytes(a.path());
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertEquals(a.sha256(), sha, "sha256 of " + a.file());
    }
  }

  @Test
  void idsAreTheFileNumbersAndHeadlinesAndOutletsComeFromTheText() throws IOException {
    for (Corpus.Article a : Corpus.manifest()) {
      assertEquals("a" + a.file().substring(0, 3), a.id(), "id of " + a.file());
      String text = a.text();
      if (!a.headline().isEmpty()) {
        assertTrue(text.lines().anyMatch(l -> l.strip().equals(a.headline())), a.id() + " headline is not a line of its text");
      }
      if (!a.outlet().isEmpty()) {
        assertTrue(text.contains(a.outlet()), a.id() + " outlet is not named in its text");
      }
    }
  }
}
