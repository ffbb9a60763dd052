package org.topicbench.model.baseline;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.topicbench.feature.DateTimeCues;
import org.topicbench.model.Learner;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;
import org.topicbench.text.LowerCase;
import org.topicbench.text.RegexBoundary;

/**
 * A transparent keyword baseline written from the labelling rules of the corpus (issue 2 §6, also
 * {@code datasets/GUIDELINES.md}), applied in the rules' order, the first that fires wins:
 *
 * <ol>
 *   <li>{@code boilerplate} (page furniture, which wins over everything):
 *       <ol type="a">
 *         <li>the line starts with a furniture prompt or navigation label ("Read more", "Listen to this
 *             article", "Loading audio", "Most Read", "Don't Miss", "Watch:", "Video:", "Sign up"...);
 *         <li>it holds a photo credit or caption marker ("Getty Images", "PA Wire", "(Image: "...);
 *         <li>it is a browser notice ("your browser", "JavaScript");
 *         <li>it is a byline: "By" and up to four capitalised words, at most 8 words in all;
 *         <li>it is a dateline or show time: a date (day and month name, or a month and a year, or a
 *             weekday) or a clock time, on a line with no final punctuation or starting "Updated" or
 *             "Published";
 *         <li>it is a short line (at most 5 words) without final punctuation: a label, a caption, a name.
 *       </ol>
 *   <li>{@code partygate}: Downing Street / No 10, party or parties (not a political party), gatherings,
 *       lockdown, Covid rules, fines and fixed penalties, Sue Gray, the Prime Minister, Boris Johnson.
 *   <li>{@code political_response}: the Mayor, Sadiq Khan, the Home Secretary, Priti Patel, the Home
 *       Office, City Hall, the London Assembly, spokespeople, ministers and MPs, parties' politicians,
 *       trust and confidence, her resigning or stepping down (or calls to), tenure, appointment,
 *       successor, leadership,
 *       and the Commissioner (or Dame Cressida, Ms Dick) saying, telling, adding or apologising.
 *   <li>{@code misconduct}: everything else (the messages, the watchdog, officers and their discipline).
 * </ol>
 *
 * <p>The rules were written from the labelling rules alone, not from any labelled sentence, and are not
 * tuned on data. It ignores the training data except for one thing: if the training labels lack a label
 * a rule names, that rule is skipped, and the fallback becomes the most frequent training label when
 * {@code misconduct} is missing. It gives no probabilities.
 */
public final class KeywordRules implements Learner {
  static final String BOILERPLATE = "boilerplate";
  static final String PARTYGATE = "partygate";
  static final String POLITICAL = "political_response";
  static final String MISCONDUCT = "misconduct";

  // All patterns but BYLINE and MP run on the lower-cased text (much faster than case-insensitive
  // matching).
  private static final String[] PROMPTS = {
    "read more", "listen to this article", "loading audio", "most read", "don't miss", "watch:", "watch now", "video:",
    "podcast:", "sign up", "subscribe", "click here", "follow us", "share this", "advertisement", "related:",
    "more on this story", "top stories", "latest:", "image:", "photo:", "picture:", "pictured:", "credit:"
  };
  /** {@link #PROMPTS} by their first char (all ASCII), null where none starts with it. */
  private static final String[][] PROMPTS_BY_FIRST = new String[128][];

  static {
    for (String p : PROMPTS) {
      String[] had = PROMPTS_BY_FIRST[p.charAt(0)];
      String[] now = had == null ? new String[1] : Arrays.copyOf(had, had.length + 1);
      now[now.length - 1] = p;
      PROMPTS_BY_FIRST[p.charAt(0)] = now;
    }
  }

  private static final Pattern FURNITURE_PROMPT = Pattern.compile("^(" + String.join("|", PROMPTS) + ")");
  private static final Pattern PHOTO_CREDIT =
      Pattern.compile(
          "getty images|\\bpa wire\\b|\\bpa media\\b|\\bpa images\\b|shutterstock|\\balamy\\b|"
              + "\\((image|photo|picture|credit)s?:");
  private static final Pattern BROWSER = Pattern.compile("your browser|javascript");
  private static final Pattern BYLINE = Pattern.compile("^By\\s+\\p{Lu}[\\p{L}'.-]*(\\s+\\p{Lu}[\\p{L}'.-]*){0,3}\\b");
  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december|"
          + "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final Pattern DATE_OR_TIME =
      Pattern.compile(
          "\\b\\d{1,2}(st|nd|rd|th)?\\s+" + MONTH + "\\b|\\b" + MONTH + "\\s+\\d{1,2}\\b|\\b" + MONTH + "\\s+\\d{4}\\b|"
              + "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|"
              + "\\b\\d{1,2}[:.]\\d{2}\\s*(am|pm|gmt|bst)?\\b|\\b\\d{1,2}\\s*(am|pm)\\b|\\b(gmt|bst)\\b");
  private static final String[] UPDATED_WORDS = {"updated", "published", "last updated"};
  private static final Pattern UPDATED = Pattern.compile("^(updated|published|last updated)\\b");
  private static final String FINAL_PUNCTUATION = ".!?\"'\u201d\u2019)\u2026";

  /** Political parties, removed before looking for (Downing Street) parties. */
  private static final Pattern POLITICAL_PARTY =
      Pattern.compile(
          "\\b(labour|conservative|tory|liberal democrats?|lib dems?|green|reform|political|opposition|cross|"
              + "all|third|governing|ruling)[\\s-]+part(y|ies)\\b");
  private static final Pattern PARTYGATE_CUES =
      Pattern.compile(
          "downing street|\\bno\\.? ?10\\b|\\bnumber 10\\b|partygate|\\bpart(y|ies)\\b|\\bgatherings?\\b|"
              + "lockdown|\\bcovid(-19)? (rules|regulations|restrictions|laws)\\b|fixed penalt|\\bfine[sd]?\\b|"
              + "sue gray|prime minister|\\bjohnson\\b");
  private static final Pattern POLITICAL_CUES =
      Pattern.compile(
          "\\bmayor|\\bkhan\\b|home secretary|\\bpatel\\b|home office|city hall|london assembly|\\bmopac\\b|"
              + "spokes(man|woman|person|people)|\\bminister|trust and confidence|\\bconfidence\\b|"
              + "\\b(her|commissioner's|dick's) resignation|\\b(she|dick|commissioner) (has |had |would |will )?resign|"
              + "\\b(to|should|must|will|would) resign|step(ped|ping|s)? down|stand(s|ing)? down|"
              + "\\btenure\\b|\\bappoint|\\bsuccessor\\b|"
              + "\\bleadership\\b|\\b(labour|conservative|tory|tories)\\b|"
              + "\\b(commissioner|dame cressida|cressida dick|ms dick)\\b.{0,60}?"
              + "\\b(said|says|told|tells|added|wrote|insisted|admitted|apologi[sz]ed|responded)\\b");
  private static final Pattern MP = Pattern.compile("\\bMPs?\\b");

  @Override
  public String name() {
    return "baseline.rules";
  }

  @Override
  public SequencedMap<String, String> hyperparameters() {
    SequencedMap<String, String> h = new LinkedHashMap<>();
    h.put("order", "boilerplate > partygate > political_response > misconduct");
    h.put("boilerplate", "furniture prompt at start | photo credit | browser notice | byline"
        + " | date or time without final punctuation | short line (<= 5 words) without final punctuation");
    h.put("partygate", "Downing Street, No 10, party (not political), gatherings, lockdown, Covid rules, fines,"
        + " Sue Gray, Prime Minister, Johnson");
    h.put("political_response", "Mayor, Khan, Home Secretary, Patel, Home Office, City Hall, spokespeople, ministers,"
        + " MPs, trust and confidence, her resignation or calls to resign, tenure, appointment, leadership, the Commissioner saying");
    h.put("fallback", "misconduct");
    return h;
  }

  /** The label the rules give {@code text}, by name (one of the four corpus labels). */
  public static String classify(String text) {
    return classify(text, Set.of(BOILERPLATE, PARTYGATE, POLITICAL), MISCONDUCT);
  }

  /**
   * Each rule's cue on its own, not in the rules' order: whether rule 1 (furniture), the partygate
   * cues and the political-response cues fire on {@code text}, in that order. For learners that weigh
   * the rules' evidence themselves ({@link org.topicbench.model.ExtraFeatures#LAYOUT_AND_RULES}). The
   * cue expressions are matched by {@link CueMatcher}'s one automaton pass, with the same results as
   * {@link #cuesByRegex}.
   */
  public static boolean[] cues(String text) {
    String s = normalise(text);
    return cues(s, LowerCase.root(s));
  }

  /**
   * {@link #cues(String)} of a text given stripped ({@code s}, {@link String#strip}, holding no curly single
   * quote) and lower-cased ({@code lower}: {@code s.toLowerCase(Locale.ROOT)}), for callers that have them
   * already.
   *
   * @throws IllegalArgumentException when {@code s} holds a curly single quote (the rules read it as {@code '})
   */
  public static boolean[] cues(String s, String lower) {
    if (s.indexOf('\u2019') >= 0 || s.indexOf('\u2018') >= 0) {
      throw new IllegalArgumentException("curly single quotes must be replaced by ' first");
    }
    int m = CueMatcher.match(lower);
    return new boolean[] {
      isFurniture(s, lower, m),
      (m & CueMatcher.PARTYGATE_CUE) != 0,
      (m & CueMatcher.POLITICAL_CUE) != 0 || hasMp(s)
    };
  }

  /** {@link #cues} with the rules' regular expressions, one pass each: the reference the matcher keeps to. */
  static boolean[] cuesByRegex(String text) {
    String s = normalise(text);
    String lower = s.toLowerCase(Locale.ROOT);
    return new boolean[] {
      isFurnitureByRegex(s, lower),
      PARTYGATE_CUES.matcher(POLITICAL_PARTY.matcher(lower).replaceAll(" ")).find(),
      POLITICAL_CUES.matcher(lower).find() || MP.matcher(s).find()
    };
  }

  private static String normalise(String text) {
    return text.strip().replace('\u2019', '\'').replace('\u2018', '\'');
  }

  /** The first rule that fires among those whose label is in {@code usable}, else {@code fallback}. */
  static String classify(String text, Set<String> usable, String fallback) {
    boolean[] cue = cues(text);
    if (usable.contains(BOILERPLATE) && cue[0]) {
      return BOILERPLATE;
    }
    if (usable.contains(PARTYGATE) && cue[1]) {
      return PARTYGATE;
    }
    if (usable.contains(POLITICAL) && cue[2]) {
      return POLITICAL;
    }
    return fallback;
  }

  /** {@code \bMPs?\b} in {@code s}. */
  private static boolean hasMp(String s) {
    for (int i = s.indexOf("MP"); i >= 0; i = s.indexOf("MP", i + 1)) {
      if (RegexBoundary.at(s, i)
          && (RegexBoundary.at(s, i + 2) || (i + 2 < s.length() && s.charAt(i + 2) == 's' && RegexBoundary.at(s, i + 3)))) {
        return true;
      }
    }
    return false;
  }

  /** Rule 1 on the stripped text {@code s}, its lower-cased form and its {@link CueMatcher} cues. */
  private static boolean isFurniture(String s, String lower, int cues) {
    if (s.isEmpty()) {
      return true;
    }
    boolean unpunctuated = FINAL_PUNCTUATION.indexOf(s.charAt(s.length() - 1)) < 0;
    if ((cues & (CueMatcher.PHOTO_CUE | CueMatcher.BROWSER_CUE)) != 0) {
      return true;
    }
    int words = -1; // counted only where a condition needs it
    if (unpunctuated && (words = words(s)) <= 5) {
      return true;
    }
    char first = lower.charAt(0);
    String[] prompts = first < PROMPTS_BY_FIRST.length ? PROMPTS_BY_FIRST[first] : null;
    if (prompts != null) {
      for (String prompt : prompts) {
        if (lower.startsWith(prompt)) {
          return true;
        }
      }
    }
    if (s.startsWith("By") && (words < 0 ? words(s) : words) <= 8 && BYLINE.matcher(s).lookingAt()) {
      return true;
    }
    // DATE_OR_TIME runs only where what one of its alternatives needs is there (same result)
    if (!unpunctuated && !startsUpdated(lower)) {
      return false;
    }
    int dt = DateTimeCues.of(lower);
    return (dt & DateTimeCues.WEEKDAY) != 0 // one of DATE_OR_TIME's alternatives
        || ((dt & (DateTimeCues.MONTH_NEAR_DIGIT | DateTimeCues.ZONE | DateTimeCues.CLOCK)) != 0
            && DATE_OR_TIME.matcher(lower).find());
  }

  /** {@code UPDATED}: {@code ^(updated|published|last updated)\b}. */
  private static boolean startsUpdated(String lower) {
    char c = lower.charAt(0);
    if (c != 'u' && c != 'p' && c != 'l') {
      return false;
    }
    for (String w : UPDATED_WORDS) {
      if (lower.startsWith(w) && RegexBoundary.at(lower, w.length())) {
        return true;
      }
    }
    return false;
  }

  /** Rule 1 with its regular expressions, on the stripped text {@code s} and its lower-cased form. */
  static boolean isFurnitureByRegex(String s, String lower) {
    if (s.isEmpty()) {
      return true;
    }
    int words = words(s);
    boolean unpunctuated = FINAL_PUNCTUATION.indexOf(s.charAt(s.length() - 1)) < 0;
    return (unpunctuated && words <= 5)
        || FURNITURE_PROMPT.matcher(lower).lookingAt()
        || PHOTO_CREDIT.matcher(lower).find()
        || BROWSER.matcher(lower).find()
        || (words <= 8 && BYLINE.matcher(s).lookingAt())
        || ((unpunctuated || UPDATED.matcher(lower).lookingAt()) && DATE_OR_TIME.matcher(lower).find());
  }

  private static int words(String s) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = c < 128 ? c <= ' ' && Character.isWhitespace(c) : Character.isWhitespace(c);
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  @Override
  public TrainedModel fit(TrainingSet train, long seed) {
    if (train.size() == 0) {
      throw new IllegalArgumentException(name() + ": the training set must not be empty");
    }
    List<String> names = train.labelNames();
    int[] count = new int[names.size()];
    for (int y : train.labels()) {
      count[y]++;
    }
    Set<String> usable = new HashSet<>();
    int majority = 0;
    for (int c = 0; c < count.length; c++) {
      if (count[c] > 0) {
        usable.add(names.get(c));
      }
      if (count[c] > count[majority]) {
        majority = c;
      }
    }
    String fallback = usable.contains(MISCONDUCT) ? MISCONDUCT : names.get(majority);
    return new Model(names, new TreeSet<>(usable).toArray(String[]::new), fallback);
  }

  /**
   * The fitted rules: which rules may fire, and the fallback label.
   *
   * @param labelNames every label
   * @param usable the labels whose rules may fire
   * @param fallback the label when no rule fires
   */
  record Model(List<String> labelNames, String[] usable, String fallback) implements TrainedModel, Serializable {
    Model {
      labelNames = List.copyOf(labelNames);
      if (!labelNames.contains(fallback) || !labelNames.containsAll(Set.of(usable))) {
        throw new IllegalArgumentException("fallback and usable must be labels");
      }
    }

    @Override
    public Prediction predict(String text) {
      return new Prediction(labelNames.indexOf(classify(text, Set.of(usable), fallback)), null);
    }
  }
}
