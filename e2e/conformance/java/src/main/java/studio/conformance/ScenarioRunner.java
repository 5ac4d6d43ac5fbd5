package studio.conformance;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import studio.conformance.graph.GraphTopology;
import studio.conformance.serde.ScenarioSerdes;

/**
 * Runs one scenario in Kafka Streams' TopologyTestDriver and returns its result in the format
 * both sides share (see e2e/conformance/README.md).
 */
final class ScenarioRunner {
  private ScenarioRunner() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> run(Map<?, ?> scenario) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", scenario.get("name"));
    Map<?, ?> graph = (Map<?, ?>) scenario.get("graph");
    Topology topology;
    try {
      topology = GraphTopology.build(graph);
    } catch (RuntimeException e) {
      result.put("describe", null);
      result.put("outputs", Map.of());
      result.put("stores", Map.of());
      result.put("error", error("build", null, e));
      return result;
    }
    result.put("describe", topology.describe().toString());
    Properties props = driverProps(scenario, graph);
    Map<String, Object> outputs = new LinkedHashMap<>();
    Map<String, Object> stores = new LinkedHashMap<>();
    Object error = null;
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, Instant.ofEpochMilli(0))) {
      List<?> steps = (List<?>) scenario.get("steps");
      for (int i = 0; i < steps.size() && error == null; i++) {
        Map<?, ?> step = (Map<?, ?>) steps.get(i);
        try {
          if (step.containsKey("pipe")) pipe(driver, graph, props, (Map<?, ?>) step.get("pipe"));
          else driver.advanceWallClockTime(Duration.ofMillis(((Number) step.get("advanceWallClock")).longValue()));
        } catch (RuntimeException e) {
          error = error("step", i, e);
        }
      }
      for (Object topic : (List<?>) scenario.get("outputs")) {
        outputs.put((String) topic, readOutputs(driver, (String) topic));
      }
      Object storeNames = scenario.get("stores");
      if (storeNames instanceof List) {
        for (Object name : (List<?>) storeNames) stores.put((String) name, readStore(driver, (String) name));
      }
    } catch (RuntimeException e) {
      if (error == null) error = error("driver", null, e);
    }
    result.put("outputs", outputs);
    result.put("stores", stores);
    result.put("error", error);
    return result;
  }

  private static Map<String, Object> error(String phase, Integer step, Throwable e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("phase", phase);
    error.put("step", step == null ? null : (double) step);
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      message.append(" <- ").append(cause.getMessage());
    }
    error.put("message", message.toString());
    return error;
  }

  private static Properties driverProps(Map<?, ?> scenario, Map<?, ?> graph) {
    Properties props = new Properties();
    props.put("application.id", graph.get("applicationId"));
    Object config = graph.get("config");
    if (config instanceof Map) ((Map<?, ?>) config).forEach((k, v) -> props.put(k, GraphTopology.configText(v)));
    Object scenarioProps = scenario.get("props");
    if (scenarioProps instanceof Map) {
      ((Map<?, ?>) scenarioProps).forEach((k, v) -> props.put(k, GraphTopology.configText(v)));
    }
    for (String key : List.of("default.key.serde", "default.value.serde")) {
      String value = props.getProperty(key);
      if (value != null) props.put(key, ScenarioSerdes.configClassName(value));
    }
    return props;
  }

  private static void pipe(TopologyTestDriver driver, Map<?, ?> graph, Properties props, Map<?, ?> pipe) {
    String topic = (String) pipe.get("topic");
    Serde<Object> keySerde = sourceSerde(graph, props, topic, "keySerde", "default.key.serde");
    Serde<Object> valueSerde = sourceSerde(graph, props, topic, "valueSerde", "default.value.serde");
    TestInputTopic<Object, Object> input =
        driver.createInputTopic(topic, keySerde.serializer(), valueSerde.serializer());
    RecordHeaders headers = new RecordHeaders();
    Object headerList = pipe.get("headers");
    if (headerList instanceof List) {
      for (Object h : (List<?>) headerList) {
        Map<?, ?> header = (Map<?, ?>) h;
        Object value = header.get("value");
        headers.add((String) header.get("key"), value == null ? null : ((String) value).getBytes(StandardCharsets.UTF_8));
      }
    }
    long timestamp = ((Number) pipe.get("timestamp")).longValue();
    input.pipeInput(new TestRecord<>(
        inputValue(pipe.get("key"), keySerde), inputValue(pipe.get("value"), valueSerde), headers, timestamp));
  }

  /** JSON input as the serde expects it: text as UTF-8 for ByteArray, whole numbers as Long. */
  private static Object inputValue(Object json, Serde<Object> serde) {
    if (json == null) return null;
    if (serde instanceof ScenarioSerdes.ByteArraySerde && json instanceof String) {
      return ((String) json).getBytes(StandardCharsets.UTF_8);
    }
    return json;
  }

  /** The serde of the source node reading a topic, else the default from the config. */
  private static Serde<Object> sourceSerde(Map<?, ?> graph, Properties props, String topic, String param, String defaultKey) {
    for (Object n : (List<?>) graph.get("nodes")) {
      Map<?, ?> node = (Map<?, ?>) n;
      Object kind = node.get("kind");
      Map<?, ?> params = (Map<?, ?>) node.get("params");
      boolean reads = false;
      if ("stream".equals(kind)) {
        Object topics = params.get("topics");
        reads = topics instanceof List
            ? ((List<?>) topics).contains(topic)
            : Pattern.compile((String) params.get("topicPattern")).matcher(topic).matches();
      } else if ("table".equals(kind) || "globalTable".equals(kind)) {
        reads = topic.equals(params.get("topic"));
      }
      if (reads && params.get(param) instanceof String) return ScenarioSerdes.byName((String) params.get(param));
      if (reads) break;
    }
    String configured = props.getProperty(defaultKey);
    if (configured == null) {
      throw new IllegalArgumentException("No " + param + " for topic " + topic + ": set it on the source node or " + defaultKey);
    }
    try {
      return (Serde<Object>) Class.forName(configured).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create " + configured, e);
    }
  }

  private static List<Object> readOutputs(TopologyTestDriver driver, String topic) {
    List<Object> records = new ArrayList<>();
    if (!driver.producedTopicNames().contains(topic)) return records;
    TestOutputTopic<byte[], byte[]> output =
        driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    for (TestRecord<byte[], byte[]> record : output.readRecordsToList()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("key", renderBytes(record.key()));
      out.put("value", renderBytes(record.value()));
      // Kafka sends some changelog records (a suppression buffer's) without a timestamp.
      out.put("timestamp", record.timestamp() == null ? null : (double) record.timestamp());
      List<Object> headers = new ArrayList<>();
      for (Header header : record.headers()) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("key", header.key());
        h.put("value", renderBytes(header.value()));
        headers.add(h);
      }
      out.put("headers", headers);
      records.add(out);
    }
    return records;
  }

  /** Text when the bytes are UTF-8 without control characters, else `0x` and hex. */
  static Object renderBytes(byte[] bytes) {
    if (bytes == null) return null;
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      if (text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
        return text;
      }
    } catch (CharacterCodingException e) {
      // not text: shown as hex
    }
    StringBuilder hex = new StringBuilder("0x");
    for (byte b : bytes) hex.append(String.format("%02x", b));
    return hex.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Object> readStore(TopologyTestDriver driver, String name) {
    Map<String, Object> store = new LinkedHashMap<>();
    StateStore raw = driver.getAllStateStores().get(name);
    List<Object> entries = new ArrayList<>();
    if (raw == null) {
      store.put("type", "missing");
    } else if (raw instanceof KeyValueStore) {
      boolean timestamped = raw instanceof TimestampedKeyValueStore;
      store.put("type", "keyValue");
      KeyValueStore kv = timestamped ? driver.getTimestampedKeyValueStore(name) : driver.getKeyValueStore(name);
      try (KeyValueIterator<Object, Object> it = kv.all()) {
        while (it.hasNext()) {
          KeyValue<Object, Object> entry = it.next();
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("key", entry.key);
          putValue(e, entry.value, timestamped);
          entries.add(e);
        }
      }
    } else if (raw instanceof WindowStore) {
      boolean timestamped = raw instanceof TimestampedWindowStore;
      store.put("type", "window");
      WindowStore ws = timestamped ? driver.getTimestampedWindowStore(name) : driver.getWindowStore(name);
      try (KeyValueIterator<Windowed<Object>, Object> it = ws.all()) {
        while (it.hasNext()) entries.add(windowEntry(it.next(), timestamped));
      }
    } else if (raw instanceof SessionStore) {
      store.put("type", "session");
      SessionStore ss = driver.getSessionStore(name);
      try (KeyValueIterator<Windowed<Object>, Object> it = ss.findSessions(null, null, 0L, Long.MAX_VALUE)) {
        while (it.hasNext()) entries.add(windowEntry(it.next(), false));
      }
    } else {
      store.put("type", raw.getClass().getSimpleName());
    }
    store.put("entries", entries);
    return store;
  }

  private static Map<String, Object> windowEntry(KeyValue<Windowed<Object>, Object> entry, boolean timestamped) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("key", entry.key.key());
    e.put("start", (double) entry.key.window().start());
    e.put("end", (double) entry.key.window().end());
    putValue(e, entry.value, timestamped);
    return e;
  }

  private static void putValue(Map<String, Object> entry, Object value, boolean timestamped) {
    if (timestamped && value instanceof ValueAndTimestamp) {
      ValueAndTimestamp<?> vt = (ValueAndTimestamp<?>) value;
      entry.put("value", vt.value());
      entry.put("timestamp", (double) vt.timestamp());
    } else {
      entry.put("value", value instanceof byte[] ? renderBytes((byte[]) value) : value);
    }
  }
}
