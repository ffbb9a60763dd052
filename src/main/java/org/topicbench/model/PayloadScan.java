package org.topicbench.model;

import java.io.Externalizable;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamConstants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model file's payload, a Java serialization stream, without building any of its objects, and
 * refuses it if building them could cost more than the limits allow ({@link ModelFile} runs it before
 * deserialising).
 *
 * <p>Why a pass of its own: the costly work of deserialization happens inside the JDK's own
 * {@code readObject} methods, out of reach of any callback. {@code HashMap.readObject} hashes every key
 * as soon as it has read it, and a key may be a back-reference to an object that is already complete or
 * still being read (a map that contains, through its keys, the maps that contain it); neither kind of
 * back-reference is passed to {@link ObjectInputStream#resolveObject}, and the filter is told only that
 * some reference was read. Reading the stream first gives the whole object graph, with every reference
 * resolved to the object it names, before anything is built, so that:
 *
 * <ul>
 *   <li>a hash table ({@code HashMap}, {@code Hashtable}) is keyed only by strings or by boxed numbers or
 *       booleans, all of one class (every real model's tables are keyed by {@code String} or
 *       {@code Integer}): its keys are then hashed in constant time (a string caches its hash) and, being
 *       {@code Comparable} and of one class, fill a {@code HashMap}'s tree bins in logarithmic time. The
 *       work of rebuilding every table (its entries, its allocated capacity and the comparisons that keys
 *       with equal hash codes cost, worked out from their hash codes, {@code Hashtable}'s bucket chains
 *       included) is added up and bounded by {@link ModelFile#MAX_HASH_WORK};
 *   <li>the <em>unfolded size</em> of every object whose {@code hashCode} may look at what it holds is
 *       bounded by {@link ModelFile#MAX_UNFOLDED}: the work its {@code hashCode} or {@code equals} would do,
 *       1 plus the unfolded sizes of everything it holds, counting shared contents each time they are
 *       reached (so 2^depth for the "SerialDOS" pattern of maps or lists that share their children). Such
 *       objects are collections and maps, records, immutable-collection proxies, object arrays and objects
 *       of any class that overrides {@code hashCode} (Smile's and Weka's among them; primitive arrays count
 *       their length, anything else 1). Children are complete before their parent, so this is one pass;
 *       such an object that holds itself (an infinite unfolded size) is refused;
 *   <li>an immutable set or map proxy ({@code Set.of}, {@code Map.of}) is refused: it hashes its elements
 *       while it is read and is not on the allowlist anyway;
 *   <li>the checks of the allowlist filter are made here too, with the same messages, before anything is
 *       loaded but the named classes themselves (loaded, not initialised, as deserialization would).
 * </ul>
 *
 * <p>This reading is exact only if every class reads its own serial form the way the stream lays it out.
 * So a class that reads its own form ({@code readObject}, {@code readExternal}) must be on a short list
 * whose {@code readObject} reads its default fields first and then what follows in order ({@link #OWN_FORM}:
 * the JDK collections on the allowlist and topicbench's own); anything else that does is refused, as are
 * externalizable data, proxies, exceptions and resets, none of which a model file holds.
 */
final class PayloadScan {
  /** Why a payload is refused (the message is the part after "model file: "). */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * What the scanned payload costs.
   *
   * @param largestUnfolded the largest unfolded size of one object
   * @param hashWork the work of rebuilding every hash table
   */
  record Cost(long largestUnfolded, long hashWork) {}

  /** Classes that read their own serial form the way it is laid out (default fields first, then the rest in order). */
  static final Set<String> OWN_FORM =
      Set.of(
          "java.lang.Enum", // refuses to be read as an ordinary object
          "java.util.ArrayList",
          "java.util.HashMap",
          "java.util.Hashtable",
          "java.util.BitSet",
          "java.util.Random",
          "java.util.CollSer",
          "java.util.ImmutableCollections$ListN", // refuses: read through CollSer only
          "java.util.ImmutableCollections$List12",
          "org.topicbench.model.FeatureSelection$Selector",
          "org.topicbench.model.VectorModel"); // refuses: read through its Form only

  private static final Map<String, Character> BOXED =
      Map.of(
          "java.lang.Integer", 'I',
          "java.lang.Long", 'J',
          "java.lang.Float", 'F',
          "java.lang.Double", 'D',
          "java.lang.Boolean", 'Z',
          "java.lang.Short", 'S',
          "java.lang.Byte", 'B',
          "java.lang.Character", 'C');

  private static final long SATURATED = Long.MAX_VALUE / 4;
  private static final int DESC = 0;
  private static final int STRING = 1;
  private static final int OBJECT = 2;
  private static final int ARRAY = 3;
  private static final int LEAF = 4; // an enum constant or a Class

  /** An object of the stream (or a class descriptor), as the handle table holds it. */
  private static final class Node {
    final int kind;
    /** Its class descriptor (a descriptor: itself). */
    Node desc;
    /** STRING: its text; DESC: the class name. */
    String text;
    /** OBJECT of a boxed class: its value's hash code. */
    int boxedHash;
    /** Whether its hashCode may look at what it holds. */
    boolean propagates;
    boolean done;
    long unfolded = 1;
    // DESC only
    byte flags;
    char[] fieldTypes;
    String[] fieldNames;
    int primBytes;
    Node superDesc;
    Class<?> local;

    Node(int kind) {
      this.kind = kind;
    }
  }

  /** What a class's custom data (after its fields) holds. */
  private record Annotation(List<Node> items, byte[] lead, boolean blockAfterItem) {}

  private final byte[] b;
  private final ObjectInputFilter filter;
  private final ClassLoader loader = PayloadScan.class.getClassLoader();
  private final List<Node> handles = new ArrayList<>();
  private int pos;
  private long depth;
  private long refs;
  private long largestUnfolded;
  private long hashWork;

  private PayloadScan(byte[] payload, ObjectInputFilter filter) {
    this.b = payload;
    this.filter = filter;
  }

  /**
   * Scans {@code payload}, a stream holding one object, checking every class against {@code filter}.
   *
   * @throws Refused if it is not a well-formed stream, holds what the filter refuses, or would cost more
   *     than {@link ModelFile#MAX_UNFOLDED} or {@link ModelFile#MAX_HASH_WORK}
   */
  static Cost scan(byte[] payload, ObjectInputFilter filter) throws Refused {
    PayloadScan s = new PayloadScan(payload, filter);
    if (s.u2() != (ObjectStreamConstants.STREAM_MAGIC & 0xFFFF) || s.u2() != ObjectStreamConstants.STREAM_VERSION) {
      throw new Refused("the payload is not a Java serialization stream");
    }
    s.item();
    if (s.pos != payload.length) {
      throw new Refused("the payload has bytes after the model");
    }
    return new Cost(s.largestUnfolded, s.hashWork);
  }

  // ---- the grammar (java.io.ObjectInputStream's, as of JDK 25)

  /** An object where ObjectInputStream.readObject0 reads one; null for TC_NULL. */
  private Node item() throws Refused {
    depth++;
    refs++;
    check(null, -1);
    try {
      int tc = u1();
      return switch (tc) {
        case ObjectStreamConstants.TC_NULL -> null;
        case ObjectStreamConstants.TC_REFERENCE -> handle();
        case ObjectStreamConstants.TC_CLASSDESC -> newDesc();
        case ObjectStreamConstants.TC_STRING, ObjectStreamConstants.TC_LONGSTRING -> string(tc);
        case ObjectStreamConstants.TC_ARRAY -> array();
        case ObjectStreamConstants.TC_ENUM -> enumConstant();
        case ObjectStreamConstants.TC_OBJECT -> object();
        case ObjectStreamConstants.TC_CLASS -> {
          Node d = classDesc();
          if (d == null) {
            throw malformed("a class object without a class");
          }
          yield assign(leaf());
        }
        case ObjectStreamConstants.TC_PROXYCLASSDESC -> throw new Refused("the payload holds what a model file may not: a proxy class");
        case ObjectStreamConstants.TC_EXCEPTION, ObjectStreamConstants.TC_RESET ->
            throw malformed("a " + (tc == ObjectStreamConstants.TC_RESET ? "reset" : "serialised exception"));
        default -> throw malformed(String.format("type code 0x%02X where an object belongs", tc));
      };
    } finally {
      depth--;
    }
  }

  private static Node leaf() {
    Node n = new Node(LEAF);
    n.done = true;
    return n;
  }

  private Node handle() throws Refused {
    int h = s4() - ObjectStreamConstants.baseWireHandle;
    if (h < 0 || h >= handles.size()) {
      throw malformed("a reference to an object that does not exist");
    }
    return handles.get(h);
  }

  private Node assign(Node n) {
    handles.add(n);
    return n;
  }

  /** A class descriptor where ObjectInputStream.readClassDesc reads one; null for TC_NULL. */
  private Node classDesc() throws Refused {
    int tc = u1();
    switch (tc) {
      case ObjectStreamConstants.TC_NULL:
        return null;
      case ObjectStreamConstants.TC_REFERENCE: {
        check(null, -1);
        Node d = handle();
        if (d.kind != DESC) {
          throw malformed("a reference to an object where a class descriptor belongs");
        }
        return d;
      }
      case ObjectStreamConstants.TC_CLASSDESC:
        return newDesc();
      case ObjectStreamConstants.TC_PROXYCLASSDESC:
        throw new Refused("the payload holds what a model file may not: a proxy class");
      default:
        throw malformed(String.format("type code 0x%02X where a class descriptor belongs", tc));
    }
  }

  private Node newDesc() throws Refused {
    Node d = assign(new Node(DESC));
    d.desc = d;
    d.text = utf(u2());
    s8(); // serialVersionUID: the JDK checks it
    d.flags = (byte) u1();
    int fields = u2();
    if (fields > 0x7FFF) {
      throw malformed("a negative field count");
    }
    d.fieldTypes = new char[fields];
    d.fieldNames = new String[fields];
    boolean objects = false;
    for (int i = 0; i < fields; i++) {
      char t = (char) u1();
      d.fieldTypes[i] = t;
      d.fieldNames[i] = utf(u2());
      int size = primSize(t);
      if (size > 0) {
        if (objects) {
          throw malformed("illegal field order in " + d.text);
        }
        d.primBytes += size;
      } else if (t == 'L' || t == '[') {
        objects = true;
        typeString();
      } else {
        throw malformed("field type '" + t + "' in " + d.text);
      }
    }
    d.local = load(d.text);
    check(d.local, -1);
    judge(d);
    annotation(); // the class annotation: deserialised, then dropped
    depth++;
    refs++;
    try {
      d.superDesc = classDesc();
    } finally {
      depth--;
    }
    return d;
  }

  private void typeString() throws Refused {
    int tc = u1();
    switch (tc) {
      case ObjectStreamConstants.TC_NULL:
        return;
      case ObjectStreamConstants.TC_REFERENCE:
        check(null, -1);
        if (handle().kind != STRING) {
          throw malformed("a field type that is not a string");
        }
        return;
      case ObjectStreamConstants.TC_STRING, ObjectStreamConstants.TC_LONGSTRING:
        string(tc);
        return;
      default:
        throw malformed("a field type that is not a string");
    }
  }

  private Class<?> load(String name) throws Refused {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new Refused("the payload needs a class this topicbench does not have (" + name + ")");
    }
  }

  /** Whether the class of {@code d} reads its own form, is a record, or hashes what it holds. */
  private void judge(Node d) throws Refused {
    Class<?> c = d.local;
    if (c.isArray()) {
      return;
    }
    if ((d.flags & ObjectStreamConstants.SC_EXTERNALIZABLE) != 0) {
      throw new Refused("the payload holds what a model file may not: externalizable data (" + d.text + ")");
    }
    try {
      boolean ownForm = Externalizable.class.isAssignableFrom(c);
      for (var m : c.getDeclaredMethods()) {
        if (m.getName().equals("readObject") && m.getParameterCount() == 1
            && m.getParameterTypes()[0] == ObjectInputStream.class) {
          ownForm = true;
        }
      }
      if (ownForm && !OWN_FORM.contains(c.getName())) {
        throw new Refused("the payload holds what a model file may not: class " + c.getName() + " (it reads its own serial form)");
      }
      d.propagates = c.isRecord() || c.getName().equals("java.util.CollSer") || overridesHashCode(c);
    } catch (LinkageError e) {
      throw new Refused("the payload needs a class this topicbench does not have (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static boolean overridesHashCode(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (var m : k.getDeclaredMethods()) {
        if (m.getName().equals("hashCode") && m.getParameterCount() == 0) {
          return true;
        }
      }
    }
    return false;
  }

  private Node string(int tc) throws Refused {
    long len = tc == ObjectStreamConstants.TC_STRING ? u2() : s8();
    if (len < 0 || len > b.length - pos) {
      throw malformed("a string longer than the payload");
    }
    Node s = assign(new Node(STRING));
    s.text = utf((int) len);
    s.done = true;
    return s;
  }

  private Node enumConstant() throws Refused {
    Node d = classDesc();
    if (d == null || !Enum.class.isAssignableFrom(d.local)) {
      throw malformed("an enum constant whose class is not an enum");
    }
    Node e = assign(leaf());
    int tc = u1();
    if (tc != ObjectStreamConstants.TC_STRING && tc != ObjectStreamConstants.TC_LONGSTRING) {
      throw malformed("an enum constant without a name");
    }
    string(tc);
    return e;
  }

  private Node array() throws Refused {
    Node d = classDesc();
    if (d == null || !d.local.isArray()) {
      throw malformed("an array whose class is not an array class");
    }
    int len = s4();
    if (len < 0) {
      throw malformed("an array of negative length");
    }
    check(d.local, len);
    Node a = assign(new Node(ARRAY));
    a.desc = d;
    a.propagates = true;
    Class<?> component = d.local.getComponentType();
    if (component.isPrimitive()) {
      int size = primSize(d.text.charAt(1));
      skip((long) len * size);
      a.unfolded = 1 + (long) len;
    } else {
      for (int i = 0; i < len; i++) {
        a.unfolded = add(a.unfolded, unfolded(a, item()));
      }
    }
    return finish(a);
  }

  private Node object() throws Refused {
    Node d = classDesc();
    if (d == null || d.local.isArray() || d.local.isEnum()) {
      throw malformed("an object without an ordinary class");
    }
    List<Node> chain = new ArrayList<>();
    for (Node s = d; s != null; s = s.superDesc) {
      chain.addFirst(s);
    }
    if (d.local.isRecord() && (chain.size() != 1 || (d.flags & ObjectStreamConstants.SC_WRITE_METHOD) != 0)) {
      throw malformed("record " + d.text + " with data a record does not have");
    }
    Node o = assign(new Node(OBJECT));
    o.desc = d;
    o.propagates = d.propagates;
    for (Node slot : chain) {
      int primStart = pos;
      skip(slot.primBytes);
      for (int i = 0; i < slot.fieldTypes.length; i++) {
        if (primSize(slot.fieldTypes[i]) == 0) {
          o.unfolded = add(o.unfolded, unfolded(o, item()));
        }
      }
      Character boxed = BOXED.get(slot.text);
      if (boxed != null) {
        o.boxedHash = boxedHash(boxed, slot, primStart);
      }
      if ((slot.flags & ObjectStreamConstants.SC_WRITE_METHOD) != 0) {
        Annotation a = annotation();
        for (Node child : a.items()) {
          o.unfolded = add(o.unfolded, unfolded(o, child));
        }
        custom(slot, primStart, a);
      }
    }
    return finish(o);
  }

  /** Class or object annotation: block data and objects up to TC_ENDBLOCKDATA. */
  private Annotation annotation() throws Refused {
    List<Node> items = new ArrayList<>();
    java.io.ByteArrayOutputStream lead = new java.io.ByteArrayOutputStream();
    boolean blockAfterItem = false;
    for (;;) {
      int tc = peek();
      if (tc == ObjectStreamConstants.TC_ENDBLOCKDATA) {
        pos++;
        return new Annotation(items, lead.toByteArray(), blockAfterItem);
      } else if (tc == ObjectStreamConstants.TC_BLOCKDATA || tc == ObjectStreamConstants.TC_BLOCKDATALONG) {
        pos++;
        long len = tc == ObjectStreamConstants.TC_BLOCKDATA ? u1() : s4() & 0xFFFFFFFFL;
        int start = pos;
        skip(len);
        if (items.isEmpty()) {
          lead.write(b, start, (int) len);
        } else {
          blockAfterItem = true;
        }
      } else {
        items.add(item());
      }
    }
  }

  // ---- what the JDK classes on the allowlist do with their custom data

  /** Checks the custom data of the JDK classes that read it, and adds up what rebuilding hash tables costs. */
  private void custom(Node slot, int primStart, Annotation a) throws Refused {
    switch (slot.text) {
      case "java.util.HashMap", "java.util.Hashtable" -> table(slot, primStart, a);
      case "java.util.ArrayList" -> {
        int size = primInt(slot, primStart, "size");
        if (a.lead().length < 4 || a.blockAfterItem() || size != a.items().size()) {
          throw malformed("an ArrayList whose size is not the number of its elements");
        }
      }
      case "java.util.CollSer" -> {
        int kind = primInt(slot, primStart, "tag") & 0xFF;
        if (kind != 1 && kind != 4) { // IMM_LIST, IMM_LIST_NULLS
          throw new Refused("the payload holds what a model file may not: an immutable set or map");
        }
        if (a.lead().length < 4 || a.blockAfterItem() || readInt(a.lead(), 0) != a.items().size()) {
          throw malformed("an immutable list whose length is not the number of its elements");
        }
      }
      default -> { }
    }
  }

  private void table(Node slot, int primStart, Annotation a) throws Refused {
    boolean hashMap = slot.text.equals("java.util.HashMap");
    if (a.lead().length < 8 || a.blockAfterItem()) {
      throw malformed("a hash table without its size");
    }
    int lengthField = readInt(a.lead(), 0);
    int n = readInt(a.lead(), 4);
    if (n < 0 || (long) n * 2 != a.items().size()) {
      throw malformed("a hash table whose size is not the number of its entries");
    }
    float lf = Float.intBitsToFloat(primInt(slot, primStart, "loadFactor"));
    if (!(lf > 0)) {
      throw malformed("a hash table with load factor " + lf);
    }
    lf = Math.clamp(lf, 0.25f, 4.0f);
    long capacity;
    if (hashMap) { // HashMap.readObject
      double dc = Math.ceil(n / (double) lf);
      capacity = n == 0 ? 0 : dc < 16 ? 16 : dc >= (1 << 30) ? 1 << 30 : Integer.highestOneBit((int) dc - 1) << 1;
    } else { // Hashtable.readHashtable
      int orig = Math.max(lengthField, (int) (n / lf) + 1);
      int length = (int) (n * 1.05f / lf) + 3;
      if (length > n && (length & 1) == 0) {
        length--;
      }
      length = Math.min(length, orig);
      capacity = length < 0 ? orig : length;
    }
    String keyClass = null;
    int[] hashes = new int[n];
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      Node k = a.items().get(2 * i);
      if (k == null) {
        continue;
      }
      String c = k.kind == STRING ? "java.lang.String" : k.kind == OBJECT && BOXED.containsKey(k.desc.text) ? k.desc.text : null;
      if (c == null) {
        String what = k.kind == DESC ? "class descriptor" : k.kind == LEAF ? "enum constant or class" : k.desc.text;
        throw new Refused("the payload holds a hash table keyed by " + what
            + " objects; a model file's hash tables are keyed by strings or numbers only");
      }
      if (keyClass == null) {
        keyClass = c;
      } else if (!keyClass.equals(c)) {
        throw new Refused("the payload holds a hash table keyed by both " + keyClass + " and " + c
            + " objects; a model file's hash tables have keys of one class");
      }
      hashes[i] = k.kind == STRING ? k.text.hashCode() : k.boxedHash;
      lengths[i] = k.kind == STRING ? k.text.length() : 1;
    }
    long work = add(n, capacity);
    work = add(work, collisions(hashes, lengths, -1));
    if (!hashMap && capacity > 0) {
      work = add(work, collisions(hashes, null, (int) capacity)); // chains walked by reconstitutionPut
    }
    hashWork = add(hashWork, work);
    if (hashWork > ModelFile.MAX_HASH_WORK) {
      throw new Refused("rebuilding the payload's hash tables would take more than " + ModelFile.MAX_HASH_WORK
          + " steps (too many keys with equal hash codes)");
    }
  }

  /**
   * Pairs of keys that share a hash code (or, with {@code buckets > 0}, a {@code Hashtable} bucket), each
   * pair weighed by the longer key's length when {@code lengths} is given.
   */
  private static long collisions(int[] hashes, int[] lengths, int buckets) {
    Map<Integer, long[]> groups = new HashMap<>();
    long work = 0;
    for (int i = 0; i < hashes.length; i++) {
      int g = buckets > 0 ? (hashes[i] & 0x7FFFFFFF) % buckets : hashes[i];
      long[] seen = groups.computeIfAbsent(g, x -> new long[2]);
      long weight = lengths == null ? 1 : 1 + Math.max(seen[1], lengths[i]);
      work = add(work, seen[0] > SATURATED / weight ? SATURATED : seen[0] * weight);
      seen[0]++;
      seen[1] = Math.max(seen[1], lengths == null ? 0 : lengths[i]);
    }
    return work;
  }

  // ---- unfolded sizes

  /** What {@code child} adds to the unfolded size of {@code parent}, which holds it. */
  private long unfolded(Node parent, Node child) throws Refused {
    if (!parent.propagates || child == null) {
      return 0;
    }
    if (!child.propagates) {
      return 1;
    }
    if (!child.done) {
      throw new Refused("the payload holds a " + name(child) + " that contains itself");
    }
    return child.unfolded;
  }

  private Node finish(Node n) throws Refused {
    n.done = true;
    if (n.propagates) {
      largestUnfolded = Math.max(largestUnfolded, n.unfolded);
      if (n.unfolded > ModelFile.MAX_UNFOLDED) {
        throw new Refused("the payload holds a " + name(n) + " whose unfolded size (the work of its hashCode, shared "
            + "contents counted each time they are reached) is over " + ModelFile.MAX_UNFOLDED);
      }
    }
    return n;
  }

  private static String name(Node n) {
    return n.desc == null ? "string" : n.desc.text.startsWith("[") ? n.desc.local.getComponentType().getName() + "[]" : n.desc.text;
  }

  private static long add(long a, long b) {
    long s = a + b;
    return s < 0 || s > SATURATED ? SATURATED : s;
  }

  // ---- primitive values

  private static int primSize(char t) {
    return switch (t) {
      case 'B', 'Z' -> 1;
      case 'C', 'S' -> 2;
      case 'I', 'F' -> 4;
      case 'J', 'D' -> 8;
      default -> 0;
    };
  }

  /** Offset of primitive field {@code name} of {@code slot} in its data, or -1. */
  private static int primOffset(Node slot, String name, char type) {
    int off = 0;
    for (int i = 0; i < slot.fieldTypes.length; i++) {
      if (slot.fieldNames[i].equals(name) && slot.fieldTypes[i] == type) {
        return off;
      }
      off += primSize(slot.fieldTypes[i]);
    }
    return -1;
  }

  private int primInt(Node slot, int primStart, String name) throws Refused {
    int off = primOffset(slot, name, name.equals("loadFactor") ? 'F' : 'I');
    if (off < 0) {
      throw malformed(slot.text + " without its field " + name);
    }
    return readInt(b, primStart + off);
  }

  private int boxedHash(char type, Node slot, int primStart) throws Refused {
    int off = primOffset(slot, "value", type);
    if (off < 0) {
      throw malformed(slot.text + " without its value");
    }
    int at = primStart + off;
    long wide = type == 'J' || type == 'D' ? (long) readInt(b, at) << 32 | (readInt(b, at + 4) & 0xFFFFFFFFL) : 0;
    return switch (type) {
      case 'I' -> readInt(b, at);
      case 'F' -> Float.hashCode(Float.intBitsToFloat(readInt(b, at)));
      case 'J' -> Long.hashCode(wide);
      case 'D' -> Double.hashCode(Double.longBitsToDouble(wide));
      case 'Z' -> Boolean.hashCode(b[at] != 0);
      case 'S' -> (short) ((b[at] & 0xFF) << 8 | b[at + 1] & 0xFF);
      case 'C' -> (char) ((b[at] & 0xFF) << 8 | b[at + 1] & 0xFF);
      default -> b[at];
    };
  }

  // ---- bytes

  private int peek() throws Refused {
    if (pos >= b.length) {
      throw malformed("the stream ends early");
    }
    return b[pos] & 0xFF;
  }

  private int u1() throws Refused {
    int v = peek();
    pos++;
    return v;
  }

  private int u2() throws Refused {
    return u1() << 8 | u1();
  }

  private int s4() throws Refused {
    skip(4);
    return readInt(b, pos - 4);
  }

  private long s8() throws Refused {
    return (long) s4() << 32 | (s4() & 0xFFFFFFFFL);
  }

  private void skip(long n) throws Refused {
    if (n < 0 || n > b.length - pos) {
      throw malformed("the stream ends early");
    }
    pos += (int) n;
  }

  private static int readInt(byte[] a, int at) {
    return (a[at] & 0xFF) << 24 | (a[at + 1] & 0xFF) << 16 | (a[at + 2] & 0xFF) << 8 | a[at + 3] & 0xFF;
  }

  /** Modified UTF-8 of {@code len} bytes, as DataInput.readUTF decodes it. */
  private String utf(int len) throws Refused {
    skip(len);
    int end = pos;
    int i = pos - len;
    StringBuilder s = new StringBuilder(len);
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        s.append((char) c);
        i++;
      } else if ((c & 0xE0) == 0xC0 && i + 1 < end && (b[i + 1] & 0xC0) == 0x80) {
        s.append((char) ((c & 0x1F) << 6 | b[i + 1] & 0x3F));
        i += 2;
      } else if ((c & 0xF0) == 0xE0 && i + 2 < end && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
        s.append((char) ((c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F));
        i += 3;
      } else {
        throw malformed("malformed modified UTF-8");
      }
    }
    return s.toString();
  }

  // ---- checks and messages

  /** The allowlist filter's verdict on a class (or, with null, on the limits alone) at this point. */
  private void check(Class<?> c, long arrayLength) throws Refused {
    ObjectInputFilter.FilterInfo info = new Info(c, arrayLength, depth, refs, pos);
    if (filter.checkInput(info) == ObjectInputFilter.Status.REJECTED) {
      throw new Refused("the payload holds what a model file may not: " + ModelFile.describeRejection(info));
    }
  }

  private record Info(Class<?> serialClass, long arrayLength, long depth, long references, long streamBytes)
      implements ObjectInputFilter.FilterInfo {}

  private Refused malformed(String what) {
    return new Refused("the payload is not a valid serialised model (" + what + " at byte " + pos + ")");
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }
}
