package org.topicbench.model.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/** Hand-written sentences (none from the datasets), one or more per rule. */
class KeywordRulesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Read more: Police chief faces fresh questions over force culture | boilerplate
          READ MORE | boilerplate
          Listen to this article | boilerplate
          Loading audio... | boilerplate
          Most Read | boilerplate
          Don’t Miss | boilerplate
          Watch: the Mayor speaks to reporters outside City Hall | boilerplate
          Sadiq Khan at City Hall on Tuesday (Image: Getty Images) | boilerplate
          The Commissioner leaves Scotland Yard. Photograph: PA Wire | boilerplate
          Your browser does not support the audio element. | boilerplate
          By Jane Example | boilerplate
          By Jane Example, Home Affairs Correspondent | boilerplate
          Tuesday 1 February 2022 14:05 GMT | boilerplate
          Updated: 2 February 2022. | boilerplate
          Breakfast with Sam Presenter 6am - 9am | boilerplate
          Metropolitan Police | boilerplate
          Downing Street refused to say whether staff had been questioned. | partygate
          The Prime Minister said he would cooperate fully with the inquiry. | partygate
          Detectives are investigating gatherings held during lockdown. | partygate
          More than fifty fixed penalty notices could be issued. | partygate
          The Mayor said he had lost trust and confidence in the force's leadership. | political_response
          The Home Secretary demanded an urgent explanation. | political_response
          The Labour Party called for her to step down. | political_response
          A spokesperson for the Mayor declined to comment further. | political_response
          The Commissioner told the committee she was determined to stay. | political_response
          Several MPs wrote to the force on Friday. | political_response
          The watchdog found that officers had shared offensive messages. | misconduct
          Two of the officers were dismissed and one resigned before his hearing. | misconduct
          Dame Cressida Dick has resigned as Commissioner. | political_response
          Critics called on the Commissioner to resign. | political_response
          Nine officers remain in post while the investigation continues. | misconduct
          A constable was found guilty of gross misconduct. | misconduct
          """)
  void rulesFireInTheOrderOfTheLabellingRules(String sentence, String label) {
    assertEquals(label, KeywordRules.classify(sentence), sentence);
  }

  @Test
  void furnitureWinsEvenWhenItsWordsAreAboutTheStory() {
    assertEquals("boilerplate", KeywordRules.classify("Read more: Boris Johnson faces fines over Downing Street parties"));
    assertEquals("boilerplate", KeywordRules.classify("Sadiq Khan and Priti Patel"));
  }

  @Test
  void partygateComesBeforePoliticalResponse() {
    assertEquals("partygate", KeywordRules.classify("The Mayor said the Downing Street parties must be investigated."));
  }

  @Test
  void aPoliticalPartyIsNotADowningStreetParty() {
    assertEquals("political_response", KeywordRules.classify("The Conservative Party said the Mayor was wrong."));
    assertEquals("political_response", KeywordRules.classify("A cross-party group of MPs demanded answers."));
  }

  @Test
  void skipsRulesForLabelsTheTrainingDataLacksAndGivesNoProbabilities() {
    List<String> names = List.of("boilerplate", "misconduct", "partygate", "political_response");
    TrainingSet train = new TrainingSet(List.of("a.", "b.", "c."), new int[] {0, 1, 3}, names);
    TrainedModel model = new KeywordRules().fit(train, 1);
    Prediction p = model.predict("Downing Street declined to comment.");
    assertEquals("misconduct", names.get(p.label()), "partygate is absent from training, so its rule is skipped");
    assertNull(p.probabilities());
    assertEquals("boilerplate", names.get(model.predict("Most Read").label()));
  }

  @org.junit.jupiter.api.Test
  void cuesTestEachRuleOnItsOwn() {
    // furniture wins in classify, but the partygate cue still fires on its own
    String s = "Read more: Downing Street parties under investigation";
    assertEquals("boilerplate", KeywordRules.classify(s));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new boolean[] {true, true, false}, KeywordRules.cues(s));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new boolean[] {false, false, true}, KeywordRules.cues("The Home Secretary said she had confidence in the force."));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new boolean[] {false, false, false}, KeywordRules.cues("Officers shared offensive messages in a group chat."));
  }
}
