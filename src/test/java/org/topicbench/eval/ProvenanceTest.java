package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git commit of a working tree, from .git files: detached, loose ref, packed ref, linked worktree. */
class ProvenanceTest {
  @TempDir Path tmp;

  static final String A = "0123456789abcdef0123456789abcdef01234567";
  static final String B = "89abcdef0123456789abcdef0123456789abcdef";

  @Test
  void readsEveryWayGitRecordsTheHead() throws IOException {
    Path repo = tmp.resolve("repo");
    Path git = Files.createDirectories(repo.resolve(".git"));
    Path sub = Files.createDirectories(repo.resolve("a").resolve("b"));
    Files.writeString(git.resolve("HEAD"), A + "\n");
    assertEquals(A, Provenance.gitCommit(sub), "detached HEAD, found from a subfolder");
    Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(git.resolve("refs").resolve("heads"));
    Files.writeString(git.resolve("refs").resolve("heads").resolve("main"), B + "\n");
    assertEquals(B, Provenance.gitCommit(repo), "a loose ref");
    Files.delete(git.resolve("refs").resolve("heads").resolve("main"));
    Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + A + " refs/heads/other\n" + B
        + " refs/heads/main\n");
    assertEquals(B, Provenance.gitCommit(repo), "a packed ref");
    Files.writeString(git.resolve("HEAD"), "ref: refs/heads/gone\n");
    assertEquals("unknown", Provenance.gitCommit(repo), "a ref that is nowhere");
    Files.writeString(git.resolve("HEAD"), "garbage\n");
    assertEquals("unknown", Provenance.gitCommit(repo));
  }

  @Test
  void aLinkedWorktreeReadsItsOwnHeadAndTheSharedRefs() throws IOException {
    Path main = tmp.resolve("main");
    Path git = Files.createDirectories(main.resolve(".git"));
    Path wtGit = Files.createDirectories(git.resolve("worktrees").resolve("wt"));
    Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/feature\n");
    Files.writeString(wtGit.resolve("commondir"), "../..\n");
    Files.writeString(git.resolve("packed-refs"), A + " refs/heads/feature\n");
    Path wt = Files.createDirectories(tmp.resolve("wt"));
    Files.writeString(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
    assertEquals(A, Provenance.gitCommit(wt));
    Files.writeString(wt.resolve(".git"), "not a gitdir line\n");
    assertEquals("unknown", Provenance.gitCommit(wt));
  }

  @Test
  void outsideARepositoryItIsUnknown() throws IOException {
    assertEquals("unknown", Provenance.gitCommit(Files.createDirectories(tmp.resolve("plain"))));
  }
}
