/**
 * The tokenization core: the block tokenizer ({@link org.topicbench.text.Tokenizer}, with a scalar and a
 * Vector API kernel that give the same tokens) and the sentence segmenter that splits articles as the
 * corpus was split ({@link org.topicbench.text.SentenceSegmenter}). Depends on nothing else of topicbench.
 */
package org.topicbench.text;
