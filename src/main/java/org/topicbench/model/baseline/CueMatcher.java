package org.topicbench.model.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topicbench.text.LiteralAutomaton;
import org.topicbench.text.RegexBoundary;

/**
 * The keyword rules' cue expressions ({@link KeywordRules}'s {@code PARTYGATE_CUES}, {@code POLITICAL_PARTY},
 * {@code POLITICAL_CUES}, {@code PHOTO_CREDIT}, {@code BROWSER}), matched in one pass of one
 * {@link LiteralAutomaton} over the lower-cased text instead of a regular-expression pass per rule, with the
 * same meaning: every alternative of those expressions is a literal (optional parts spelt out) with word
 * boundaries checked at its ends as {@code \b} checks them ({@link RegexBoundary}), and the two that are not
 * are handled here exactly:
 *
 * <ul>
 *   <li>the partygate cues run on the text with political parties ("Labour party", "cross-party") replaced
 *       by a space: a partygate literal counts unless it overlaps such a party phrase (the replacement
 *       sits between two non-word chars, so it neither makes a new occurrence nor changes a boundary);
 *   <li>"the Commissioner ... said": a subject and a speech verb, each a bounded word, the verb starting at
 *       most 60 code points after the subject ends with no line terminator between (what {@code .{0,60}?}
 *       allows).
 * </ul>
 *
 * <p>{@code KeywordRulesTest} proves the equivalence with the regular expressions on the bundled data and
 * on random texts built from the literals' pieces. Thread-safe; one scan allocates nothing once its
 * per-thread buffers have grown.
 */
final class CueMatcher {
  // groups
  private static final int PARTYGATE = 0;
  private static final int PARTY = 1; // party / parties: a partygate cue, and where a political party ends
  private static final int POLITICAL = 2;
  private static final int SUBJECT = 3;
  private static final int VERB = 4;
  private static final int PHOTO = 5;
  private static final int BROWSER = 6;
  // boundary flags
  private static final int LEFT = 1;
  private static final int RIGHT = 2;
  private static final int BOTH = LEFT | RIGHT;

  /** Words before "party" that make it a political party (POLITICAL_PARTY's alternatives), spelt out. */
  private static final String[] PARTY_WORDS = {
    "labour", "conservative", "tory", "liberal democrat", "liberal democrats", "lib dem", "lib dems", "green",
    "reform", "political", "opposition", "cross", "all", "third", "governing", "ruling"
  };

  private static final List<String> LITERALS = new ArrayList<>();
  private static final List<Integer> GROUPS = new ArrayList<>();
  private static final List<Integer> BOUNDS = new ArrayList<>();

  static {
    // PARTYGATE_CUES
    add(PARTYGATE, 0, "downing street");
    add(PARTYGATE, BOTH, "no10", "no.10", "no 10", "no. 10", "number 10");
    add(PARTYGATE, 0, "partygate");
    add(PARTY, BOTH, "party", "parties");
    add(PARTYGATE, BOTH, "gathering", "gatherings");
    add(PARTYGATE, 0, "lockdown");
    for (String covid : new String[] {"covid ", "covid-19 "}) {
      for (String what : new String[] {"rules", "regulations", "restrictions", "laws"}) {
        add(PARTYGATE, BOTH, covid + what);
      }
    }
    add(PARTYGATE, 0, "fixed penalt");
    add(PARTYGATE, BOTH, "fine", "fines", "fined");
    add(PARTYGATE, 0, "sue gray", "prime minister");
    add(PARTYGATE, BOTH, "johnson");
    // POLITICAL_CUES
    add(POLITICAL, LEFT, "mayor");
    add(POLITICAL, BOTH, "khan");
    add(POLITICAL, 0, "home secretary");
    add(POLITICAL, BOTH, "patel");
    add(POLITICAL, 0, "home office", "city hall", "london assembly");
    add(POLITICAL, BOTH, "mopac");
    add(POLITICAL, 0, "spokesman", "spokeswoman", "spokesperson", "spokespeople");
    add(POLITICAL, LEFT, "minister");
    add(POLITICAL, 0, "trust and confidence");
    add(POLITICAL, BOTH, "confidence");
    add(POLITICAL, LEFT, "her resignation", "commissioner's resignation", "dick's resignation");
    for (String who : new String[] {"she ", "dick ", "commissioner "}) {
      for (String aux : new String[] {"", "has ", "had ", "would ", "will "}) {
        add(POLITICAL, LEFT, who + aux + "resign");
      }
    }
    for (String aux : new String[] {"to", "should", "must", "will", "would"}) {
      add(POLITICAL, LEFT, aux + " resign");
    }
    add(POLITICAL, 0, "step down", "stepped down", "stepping down", "steps down");
    add(POLITICAL, 0, "stand down", "stands down", "standing down");
    add(POLITICAL, BOTH, "tenure");
    add(POLITICAL, LEFT, "appoint");
    add(POLITICAL, BOTH, "successor", "leadership", "labour", "conservative", "tory", "tories");
    add(SUBJECT, BOTH, "commissioner", "dame cressida", "cressida dick", "ms dick");
    add(VERB, BOTH, "said", "says", "told", "tells", "added", "wrote", "insisted", "admitted", "apologised",
        "apologized", "responded");
    // PHOTO_CREDIT and BROWSER
    add(PHOTO, 0, "getty images", "shutterstock");
    add(PHOTO, BOTH, "pa wire", "pa media", "pa images", "alamy");
    for (String what : new String[] {"image", "photo", "picture", "credit"}) {
      add(PHOTO, 0, "(" + what + ":", "(" + what + "s:");
    }
    add(BROWSER, 0, "your browser", "javascript");
  }

  private static final LiteralAutomaton AUTOMATON = new LiteralAutomaton(LITERALS);
  private static final int[] GROUP = GROUPS.stream().mapToInt(Integer::intValue).toArray();
  private static final int[] BOUND = BOUNDS.stream().mapToInt(Integer::intValue).toArray();
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private CueMatcher() {}

  /** Every literal the automaton looks for (for tests that build texts from them). */
  static List<String> literals() {
    return List.copyOf(LITERALS);
  }

  private static void add(int group, int bounds, String... literals) {
    for (String l : literals) {
      LITERALS.add(l);
      GROUPS.add(group);
      BOUNDS.add(bounds);
    }
  }

  /** Bit 0: a partygate cue; bit 1: a political-response cue (without {@code MP}); bit 2: a photo credit; bit 3: a browser notice. */
  static final int PARTYGATE_CUE = 1;
  static final int POLITICAL_CUE = 2;
  static final int PHOTO_CUE = 4;
  static final int BROWSER_CUE = 8;

  /** Which cues fire in {@code lower} (the stripped, lower-cased sentence), as bits. */
  static int match(String lower) {
    Scratch sc = SCRATCH.get();
    LiteralAutomaton.Hits hits = sc.hits;
    AUTOMATON.scan(lower, hits);
    int found = 0;
    int partygate = 0; // partygate occurrences to check against party phrases
    int regions = 0;
    int subjects = 0;
    int verbs = 0;
    for (int h = 0; h < hits.size(); h++) {
      int id = hits.id(h);
      int end = hits.end(h);
      int start = end - AUTOMATON.length(id);
      int b = BOUND[id];
      if (((b & LEFT) != 0 && !RegexBoundary.at(lower, start)) || ((b & RIGHT) != 0 && !RegexBoundary.at(lower, end))) {
        continue;
      }
      switch (GROUP[id]) {
        case PARTYGATE -> {
          sc.pgStart = grow(sc.pgStart, partygate);
          sc.pgEnd = grow(sc.pgEnd, partygate);
          sc.pgStart[partygate] = start;
          sc.pgEnd[partygate++] = end;
        }
        case PARTY -> {
          sc.pgStart = grow(sc.pgStart, partygate);
          sc.pgEnd = grow(sc.pgEnd, partygate);
          sc.pgStart[partygate] = start;
          sc.pgEnd[partygate++] = end;
          int from = partyPhraseStart(lower, start);
          if (from >= 0) {
            sc.regionStart = grow(sc.regionStart, regions);
            sc.regionEnd = grow(sc.regionEnd, regions);
            sc.regionStart[regions] = from;
            sc.regionEnd[regions++] = end;
          }
        }
        case POLITICAL -> found |= POLITICAL_CUE;
        case SUBJECT -> {
          sc.subjectEnd = grow(sc.subjectEnd, subjects);
          sc.subjectEnd[subjects++] = end;
        }
        case VERB -> {
          sc.verbStart = grow(sc.verbStart, verbs);
          sc.verbStart[verbs++] = start;
        }
        case PHOTO -> found |= PHOTO_CUE;
        case BROWSER -> found |= BROWSER_CUE;
        default -> throw new AssertionError(GROUP[id]);
      }
    }
    for (int i = 0; i < partygate && (found & PARTYGATE_CUE) == 0; i++) {
      boolean inParty = false;
      for (int r = 0; r < regions && !inParty; r++) {
        inParty = sc.pgStart[i] < sc.regionEnd[r] && sc.regionStart[r] < sc.pgEnd[i];
      }
      if (!inParty) {
        found |= PARTYGATE_CUE;
      }
    }
    if ((found & POLITICAL_CUE) == 0 && subjects > 0 && verbs > 0 && saysNear(lower, sc, subjects, verbs)) {
      found |= POLITICAL_CUE;
    }
    return found;
  }

  /**
   * Where the political party phrase ending in the "party"/"parties" at {@code party} starts
   * ({@code \b(words)[\s-]+part(y|ies)\b}; the caller checked the boundary after it), or -1.
   */
  private static int partyPhraseStart(String lower, int party) {
    int q = party;
    while (q > 0 && isSpaceOrHyphen(lower.charAt(q - 1))) {
      q--;
    }
    if (q == party) {
      return -1;
    }
    for (String w : PARTY_WORDS) {
      int from = q - w.length();
      if (from >= 0 && lower.startsWith(w, from) && RegexBoundary.at(lower, from)) {
        return from;
      }
    }
    return -1;
  }

  /** {@code [\s-]}: {@code \s} is {@code [ \t\n\x0B\f\r]}. */
  private static boolean isSpaceOrHyphen(char c) {
    return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** A verb starting 0 to 60 code points after a subject ends, with no line terminator between. */
  private static boolean saysNear(String lower, Scratch sc, int subjects, int verbs) {
    for (int v = 0; v < verbs; v++) {
      int c = sc.verbStart[v];
      for (int s = 0; s < subjects; s++) {
        int e = sc.subjectEnd[s];
        if (e <= c && c - e <= 120 && Character.codePointCount(lower, e, c) <= 60 && noLineTerminator(lower, e, c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What {@code .} does not match: {@code \n \r \u0085 \u2028 \u2029}. */
  private static boolean noLineTerminator(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static int[] grow(int[] a, int size) {
    return size < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  private static final class Scratch {
    final LiteralAutomaton.Hits hits = new LiteralAutomaton.Hits();
    int[] pgStart = new int[8];
    int[] pgEnd = new int[8];
    int[] regionStart = new int[4];
    int[] regionEnd = new int[4];
    int[] subjectEnd = new int[4];
    int[] verbStart = new int[4];
  }
}
