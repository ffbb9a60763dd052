package org.topicbench.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.topicbench.data.Datasets;

/**
 * Payloads that are small but cost far more to deserialise than their size, made only of classes the
 * model-file allowlist admits, and model files around them that pass every check before deserialization.
 */
public final class HostilePayloads {
  private HostilePayloads() {}

  /**
   * The "SerialDOS" pattern with {@code HashMap}s: two maps per level, each keyed by both maps of the level
   * below (and told apart by one string key), so that hashing a top map, as {@code HashMap.readObject} does
   * with every key, costs 2^depth. Built top-down while the maps are still small, so building is cheap.
   */
  public static Map<Object, Object> nestedMaps(int depth) {
    List<Map<Object, Object>> a = new ArrayList<>();
    List<Map<Object, Object>> b = new ArrayList<>();
    for (int i = 0; i <= depth; i++) {
      Map<Object, Object> x = new HashMap<>();
      Map<Object, Object> y = new HashMap<>();
      x.put("a", 0);
      y.put("b", 0);
      a.add(x);
      b.add(y);
    }
    Map<Object, Object> top = new HashMap<>();
    top.put(a.get(depth), 0);
    top.put(b.get(depth), 0);
    for (int i = depth; i >= 1; i--) {
      for (Map<Object, Object> m : List.of(a.get(i), b.get(i))) {
        m.put(a.get(i - 1), 0);
        m.put(b.get(i - 1), 0);
      }
    }
    return top;
  }

  /** The same pattern with lists (two references to the list below per level) and no hash table. */
  public static Object nestedLists(int depth) {
    Object list = new ArrayList<>(List.of("x"));
    for (int i = 0; i < depth; i++) {
      list = i % 2 == 0 ? new ArrayList<>(List.of(list, list)) : List.of(list, list);
    }
    return list;
  }

  /**
   * {@code HashMap}s keyed by maps that are <em>still being read</em>: map i holds, as keys, the maps i-1
   * and i-2 that contain it (back-references to maps whose {@code readObject} has not returned), then map
   * i+1 as a value. Hashing map i, as map i+1's {@code readObject} does, hashes the entries maps i-1 and
   * i-2 hold so far: Fibonacci(depth) work, with no map ever complete, so nothing that sees only finished
   * objects ({@code resolveObject}) can intervene. Such a graph cannot be built from real maps, so it is
   * written with a stand-in class under {@code HashMap}'s class descriptor.
   */
  public static byte[] mapsKeyedByTheirAncestors(int depth) {
    List<FakeMap> maps = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      maps.add(new FakeMap());
    }
    for (int i = 0; i < depth; i++) {
      FakeMap m = maps.get(i);
      if (i >= 1) {
        m.entries.add(new Object[] {maps.get(i - 1), "a"});
      }
      if (i >= 2) {
        m.entries.add(new Object[] {maps.get(i - 2), "b"});
      }
      if (i + 1 < depth) {
        m.entries.add(new Object[] {"next", maps.get(i + 1)});
      }
    }
    return serialize(maps.getFirst());
  }

  /** Written as a {@code java.util.HashMap} with the given entries, in this order. */
  static final class FakeMap implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    private final float loadFactor = 0.75f; // HashMap's serial fields
    private final int threshold = 12;
    private final transient List<Object[]> entries = new ArrayList<>();

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      out.writeInt(16);
      out.writeInt(entries.size());
      for (Object[] e : entries) {
        out.writeObject(e[0]);
        out.writeObject(e[1]);
      }
    }
  }

  /** {@code o} in Java serialization, {@link FakeMap}s written as {@code java.util.HashMap}s. */
  public static byte[] serialize(Object o) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out =
        new ObjectOutputStream(buffer) {
          @Override
          protected void writeClassDescriptor(ObjectStreamClass desc) throws IOException {
            super.writeClassDescriptor(desc.forClass() == FakeMap.class ? ObjectStreamClass.lookup(HashMap.class) : desc);
          }
        }) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /**
   * A model file with {@code payload} in place of {@code model}'s: the magic line and {@code model}'s header,
   * with the payload's length and SHA-256 recomputed, so that it passes every check before deserialization.
   */
  public static byte[] modelFile(byte[] model, byte[] payload) {
    String header = new String(model, StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow()
        .replaceFirst("\"bytes\":\\d+", "\"bytes\":" + payload.length)
        .replaceFirst("\"sha256\":\"[0-9a-f]{64}\"}}$", "\"sha256\":\"" + Datasets.sha256(payload) + "\"}}");
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes((ModelFile.FORMAT + "\n" + header + "\n").getBytes(StandardCharsets.UTF_8));
    file.writeBytes(payload);
    return file.toByteArray();
  }
}
