package studio.conformance.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KGroupedTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.SessionWindowedKStream;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.TimeWindowedKStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import studio.conformance.serde.ScenarioSerdes;

/**
 * Builds a design (the engine's TopologyGraph JSON) with the real Kafka Streams DSL, calling it
 * exactly as the engine's compileGraph calls its own DSL: nodes in dependency order (ties: the
 * order nodes are listed), the same overloads, names and config objects, so processor names and
 * counters come out the same when the engine is right.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class GraphTopology {
  private final StreamsBuilder builder = new StreamsBuilder();
  private final Map<String, Map<?, ?>> nodes = new LinkedHashMap<>();
  private final Map<String, List<Map<?, ?>>> inputs = new HashMap<>();
  /** Output per node, and per split branch (`<nodeId>#<port>`). */
  private final Map<String, Object> outputs = new HashMap<>();
  private final List<String> nodeOrder = new ArrayList<>();
  private final List<Map<?, ?>> edges = new ArrayList<>();

  private GraphTopology(Map<?, ?> graph) {
    for (Object node : GraphJson.list(graph.get("nodes"), "graph.nodes")) {
      Map<?, ?> n = GraphJson.object(node, "graph.nodes[]");
      String id = GraphJson.string(n, "id");
      nodes.put(id, n);
      nodeOrder.add(id);
    }
    for (Object edge : GraphJson.list(graph.get("edges"), "graph.edges")) {
      Map<?, ?> e = GraphJson.object(edge, "graph.edges[]");
      edges.add(e);
      inputs.computeIfAbsent(GraphJson.string(e, "target"), k -> new ArrayList<>()).add(e);
    }
  }

  /** The topology of a design, built with `graph.config` (e.g. `topology.optimization`). */
  public static Topology build(Map<?, ?> graph) {
    GraphTopology compiler = new GraphTopology(graph);
    for (String id : compiler.topologicalOrder()) {
      try {
        compiler.outputs.put(id, compiler.apply(compiler.nodes.get(id)));
      } catch (RuntimeException e) {
        throw new IllegalStateException("Node " + id + ": " + e.getMessage(), e);
      }
    }
    Properties config = new Properties();
    Object graphConfig = graph.get("config");
    if (graphConfig instanceof Map) {
      ((Map<?, ?>) graphConfig).forEach((k, v) -> config.put(k, configText(v)));
    }
    return compiler.builder.build(config);
  }

  /** A config value as Kafka reads it from a properties file (whole numbers without `.0`). */
  public static String configText(Object value) {
    if (value instanceof Double && ((Double) value) == Math.rint((Double) value)) {
      return Long.toString(((Double) value).longValue());
    }
    return String.valueOf(value);
  }

  private List<String> topologicalOrder() {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < nodeOrder.size(); i++) position.put(nodeOrder.get(i), i);
    Map<String, Integer> indegree = new HashMap<>();
    Map<String, List<String>> outgoing = new HashMap<>();
    for (String id : nodeOrder) indegree.put(id, 0);
    for (Map<?, ?> edge : edges) {
      String source = GraphJson.string(edge, "source");
      String target = GraphJson.string(edge, "target");
      if (!position.containsKey(source) || !position.containsKey(target)) continue;
      indegree.merge(target, 1, Integer::sum);
      outgoing.computeIfAbsent(source, k -> new ArrayList<>()).add(target);
    }
    PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> position.get(a) - position.get(b));
    for (String id : nodeOrder) if (indegree.get(id) == 0) ready.add(id);
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(id);
      for (String target : outgoing.getOrDefault(id, List.of())) {
        if (indegree.merge(target, -1, Integer::sum) == 0) ready.add(target);
      }
    }
    if (order.size() != nodeOrder.size()) throw new IllegalArgumentException("The graph has a cycle");
    return order;
  }

  private Object input(Map<?, ?> edge) {
    if (edge == null) return null;
    String source = GraphJson.string(edge, "source");
    String port = GraphJson.string(edge, "sourcePort");
    Map<?, ?> sourceNode = nodes.get(source);
    boolean split = sourceNode != null && "split".equals(sourceNode.get("kind"));
    return outputs.get(port != null && split ? source + "#" + port : source);
  }

  private Object single(String id) {
    List<Map<?, ?>> list = inputs.get(id);
    return input(list == null || list.isEmpty() ? null : list.get(0));
  }

  private Object port(String id, String port) {
    for (Map<?, ?> edge : inputs.getOrDefault(id, List.of())) {
      if (port.equals(edge.get("targetPort"))) return input(edge);
    }
    return null;
  }

  private Object apply(Map<?, ?> node) {
    String id = GraphJson.string(node, "id");
    String kind = GraphJson.string(node, "kind");
    Map<?, ?> p = GraphJson.object(node.get("params"), "node " + id + " params");
    Named named = named(GraphJson.string(p, "name"));
    switch (kind) {
      case "stream": {
        Consumed consumed = consumedOf(p);
        if (p.containsKey("topics")) {
          List<String> topics = (List<String>) GraphJson.list(p.get("topics"), "node " + id + " topics");
          return builder.stream(topics, consumed);
        }
        return builder.stream(Pattern.compile(GraphJson.string(p, "topicPattern")), consumed);
      }
      case "table":
      case "globalTable": {
        Consumed consumed = consumedOf(p);
        String storeName = GraphJson.string(p, "storeName");
        String topic = GraphJson.string(p, "topic");
        if (kind.equals("table")) {
          return storeName == null
              ? builder.table(topic, consumed)
              : builder.table(topic, consumed, Materialized.as(storeName));
        }
        return storeName == null
            ? builder.globalTable(topic, consumed)
            : builder.globalTable(topic, consumed, Materialized.as(storeName));
      }
      case "filter":
      case "filterNot": {
        GraphFunction predicate = fn(node, "predicate");
        Object input = single(id);
        boolean keep = kind.equals("filter");
        if (input instanceof KTable) {
          KTable table = (KTable) input;
          if (keep) return named == null ? table.filter(predicate::test) : table.filter(predicate::test, named);
          return named == null ? table.filterNot(predicate::test) : table.filterNot(predicate::test, named);
        }
        KStream stream = (KStream) input;
        if (keep) return named == null ? stream.filter(predicate::test) : stream.filter(predicate::test, named);
        return named == null ? stream.filterNot(predicate::test) : stream.filterNot(predicate::test, named);
      }
      case "map": {
        GraphFunction key = fn(node, "key");
        GraphFunction value = fn(node, "value");
        KStream stream = (KStream) single(id);
        org.apache.kafka.streams.kstream.KeyValueMapper mapper =
            (k, v) -> KeyValue.pair(key.call(k, v), value.call(k, v));
        return named == null ? stream.map(mapper) : stream.map(mapper, named);
      }
      case "mapValues": {
        GraphFunction mapper = fn(node, "mapper");
        Object input = single(id);
        org.apache.kafka.streams.kstream.ValueMapperWithKey withKey = (k, v) -> mapper.call(k, v);
        if (input instanceof KTable) {
          KTable table = (KTable) input;
          return named == null ? table.mapValues(withKey) : table.mapValues(withKey, named);
        }
        KStream stream = (KStream) input;
        return named == null ? stream.mapValues(withKey) : stream.mapValues(withKey, named);
      }
      case "flatMap": {
        GraphFunction mapper = fn(node, "mapper");
        KStream stream = (KStream) single(id);
        org.apache.kafka.streams.kstream.KeyValueMapper flat =
            (k, v) -> keyValues(mapper.call(k, v), id);
        return named == null ? stream.flatMap(flat) : stream.flatMap(flat, named);
      }
      case "flatMapValues": {
        GraphFunction mapper = fn(node, "mapper");
        KStream stream = (KStream) single(id);
        org.apache.kafka.streams.kstream.ValueMapperWithKey flat =
            (k, v) -> iterable(mapper.call(k, v), id);
        return named == null ? stream.flatMapValues(flat) : stream.flatMapValues(flat, named);
      }
      case "selectKey": {
        GraphFunction selector = fn(node, "keySelector");
        KStream stream = (KStream) single(id);
        org.apache.kafka.streams.kstream.KeyValueMapper mapper = (k, v) -> selector.call(k, v);
        return named == null ? stream.selectKey(mapper) : stream.selectKey(mapper, named);
      }
      case "peek":
      case "foreach": {
        GraphFunction action = fn(node, "action");
        KStream stream = (KStream) single(id);
        org.apache.kafka.streams.kstream.ForeachAction each = (k, v) -> action.call(k, v);
        if (kind.equals("peek")) return named == null ? stream.peek(each) : stream.peek(each, named);
        if (named == null) stream.foreach(each);
        else stream.foreach(each, named);
        return null;
      }
      case "split":
        split(node, p, named);
        return null;
      case "merge": {
        List<Object> streams = new ArrayList<>();
        for (Map<?, ?> edge : inputs.getOrDefault(id, List.of())) streams.add(input(edge));
        KStream merged = (KStream) streams.get(0);
        for (int i = 1; i < streams.size(); i++) {
          boolean last = i == streams.size() - 1;
          merged = last && named != null
              ? merged.merge((KStream) streams.get(i), named)
              : merged.merge((KStream) streams.get(i));
        }
        return merged;
      }
      case "repartition": {
        KStream stream = (KStream) single(id);
        String name = GraphJson.string(p, "name");
        Long partitions = GraphJson.millis(p, "numberOfPartitions");
        Repartitioned repartitioned = name == null ? null : Repartitioned.as(name);
        if (partitions != null) {
          repartitioned = (repartitioned == null ? Repartitioned.with(null, null) : repartitioned)
              .withNumberOfPartitions(partitions.intValue());
        }
        return repartitioned == null ? stream.repartition() : stream.repartition(repartitioned);
      }
      case "groupByKey": {
        KStream stream = (KStream) single(id);
        String name = GraphJson.string(p, "name");
        return name == null ? stream.groupByKey() : stream.groupByKey(Grouped.as(name));
      }
      case "groupBy":
        return groupBy(node, p);
      case "windowedBy":
        return windowedBy((KGroupedStream) single(id), GraphJson.object(p.get("window"), "node " + id + " window"));
      case "count":
        return count(single(id), named, materializedOf(p));
      case "reduce":
        return reduce(node, p, named);
      case "aggregate":
        return aggregate(node, p, named);
      case "toTable": {
        KStream stream = (KStream) single(id);
        Materialized materialized = materializedOf(p);
        if (named == null) return materialized == null ? stream.toTable() : stream.toTable(materialized);
        return materialized == null ? stream.toTable(named) : stream.toTable(named, materialized);
      }
      case "toStream": {
        KTable table = (KTable) single(id);
        return named == null ? table.toStream() : table.toStream(named);
      }
      case "join":
        return join(node, p);
      case "suppress":
        return ((KTable) single(id)).suppress(suppressed(p));
      case "sink":
        sink(node, p);
        return null;
      case "process":
        throw new IllegalArgumentException(
            "process nodes run JavaScript; conformance scenarios use declarative expressions only");
      default:
        throw new IllegalArgumentException("Unknown node kind " + kind);
    }
  }

  private void split(Map<?, ?> node, Map<?, ?> p, Named named) {
    String id = GraphJson.string(node, "id");
    KStream stream = (KStream) single(id);
    BranchedKStream splitter = named == null ? stream.split() : stream.split(named);
    List<?> branches = GraphJson.list(p.get("branches"), "node " + id + " branches");
    for (int i = 0; i < branches.size(); i++) {
      Map<?, ?> branch = GraphJson.object(branches.get(i), "node " + id + " branches[" + i + "]");
      GraphFunction predicate =
          GraphFunction.of("split", id, "branches[" + i + "].predicate", branch.get("predicate"));
      String key = id + "#" + GraphJson.string(branch, "id");
      String name = GraphJson.string(branch, "name");
      splitter.branch(predicate::test, branched(key, name));
    }
    if (Boolean.TRUE.equals(p.get("defaultBranch"))) {
      splitter.defaultBranch(branched(id + "#default", GraphJson.string(p, "defaultBranchName")));
    } else {
      splitter.noDefaultBranch();
    }
  }

  private Branched branched(String outputKey, String name) {
    java.util.function.Consumer<KStream<Object, Object>> consumer = s -> outputs.put(outputKey, s);
    return name == null ? Branched.withConsumer(consumer) : Branched.withConsumer(consumer, name);
  }

  private Object groupBy(Map<?, ?> node, Map<?, ?> p) {
    String id = GraphJson.string(node, "id");
    String name = GraphJson.string(p, "name");
    Grouped grouped = name == null ? null : Grouped.as(name);
    Object input = single(id);
    GraphFunction keySelector = fn(node, "keySelector");
    if (input instanceof KTable) {
      GraphFunction valueSelector = p.containsKey("valueSelector") ? fn(node, "valueSelector") : null;
      org.apache.kafka.streams.kstream.KeyValueMapper selector =
          (k, v) -> KeyValue.pair(keySelector.call(k, v), valueSelector == null ? v : valueSelector.call(k, v));
      KTable table = (KTable) input;
      return grouped == null ? table.groupBy(selector) : table.groupBy(selector, grouped);
    }
    KStream stream = (KStream) input;
    org.apache.kafka.streams.kstream.KeyValueMapper selector = (k, v) -> keySelector.call(k, v);
    return grouped == null ? stream.groupBy(selector) : stream.groupBy(selector, grouped);
  }

  private static Object windowedBy(KGroupedStream grouped, Map<?, ?> w) {
    String type = GraphJson.string(w, "type");
    Long graceMs = GraphJson.millis(w, "graceMs");
    Duration grace = Duration.ofMillis(graceMs == null ? 0 : graceMs);
    switch (type) {
      case "tumbling":
        return grouped.windowedBy(TimeWindows.ofSizeAndGrace(ms(w, "sizeMs"), grace));
      case "hopping":
        return grouped.windowedBy(
            TimeWindows.ofSizeAndGrace(ms(w, "sizeMs"), grace).advanceBy(ms(w, "advanceMs")));
      case "sliding":
        return grouped.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(ms(w, "timeDifferenceMs"), grace));
      case "session":
        return grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(ms(w, "inactivityGapMs"), grace));
      default:
        throw new IllegalArgumentException("Unknown window type " + type);
    }
  }

  private static Duration ms(Map<?, ?> map, String field) {
    return Duration.ofMillis(GraphJson.millis(map, field));
  }

  private static Object count(Object input, Named named, Materialized materialized) {
    if (input instanceof KGroupedStream) {
      KGroupedStream g = (KGroupedStream) input;
      if (named == null) return materialized == null ? g.count() : g.count(materialized);
      return materialized == null ? g.count(named) : g.count(named, materialized);
    }
    if (input instanceof KGroupedTable) {
      KGroupedTable g = (KGroupedTable) input;
      if (named == null) return materialized == null ? g.count() : g.count(materialized);
      return materialized == null ? g.count(named) : g.count(named, materialized);
    }
    if (input instanceof TimeWindowedKStream) {
      TimeWindowedKStream g = (TimeWindowedKStream) input;
      if (named == null) return materialized == null ? g.count() : g.count(materialized);
      return materialized == null ? g.count(named) : g.count(named, materialized);
    }
    SessionWindowedKStream g = (SessionWindowedKStream) input;
    if (named == null) return materialized == null ? g.count() : g.count(materialized);
    return materialized == null ? g.count(named) : g.count(named, materialized);
  }

  private Object reduce(Map<?, ?> node, Map<?, ?> p, Named named) {
    String id = GraphJson.string(node, "id");
    Object input = single(id);
    GraphFunction reducer = fn(node, "reducer");
    org.apache.kafka.streams.kstream.Reducer adder = (a, v) -> reducer.call(a, v);
    Materialized materialized = materializedOf(p);
    if (input instanceof KGroupedTable) {
      GraphFunction sub = p.containsKey("subtractor") ? fn(node, "subtractor") : reducer;
      org.apache.kafka.streams.kstream.Reducer subtractor = (a, v) -> sub.call(a, v);
      KGroupedTable g = (KGroupedTable) input;
      if (named == null) {
        return materialized == null ? g.reduce(adder, subtractor) : g.reduce(adder, subtractor, materialized);
      }
      return g.reduce(adder, subtractor, named, materialized == null ? Materialized.with(null, null) : materialized);
    }
    if (input instanceof KGroupedStream) {
      KGroupedStream g = (KGroupedStream) input;
      if (named == null) return materialized == null ? g.reduce(adder) : g.reduce(adder, materialized);
      return g.reduce(adder, named, materialized == null ? Materialized.with(null, null) : materialized);
    }
    if (input instanceof TimeWindowedKStream) {
      TimeWindowedKStream g = (TimeWindowedKStream) input;
      if (named == null) return materialized == null ? g.reduce(adder) : g.reduce(adder, materialized);
      return g.reduce(adder, named, materialized == null ? Materialized.with(null, null) : materialized);
    }
    SessionWindowedKStream g = (SessionWindowedKStream) input;
    if (named == null) return materialized == null ? g.reduce(adder) : g.reduce(adder, materialized);
    return g.reduce(adder, named, materialized == null ? Materialized.with(null, null) : materialized);
  }

  private Object aggregate(Map<?, ?> node, Map<?, ?> p, Named named) {
    String id = GraphJson.string(node, "id");
    Object input = single(id);
    GraphFunction init = fn(node, "initializer");
    GraphFunction agg = fn(node, "aggregator");
    org.apache.kafka.streams.kstream.Initializer initializer = () -> init.call();
    org.apache.kafka.streams.kstream.Aggregator aggregator = (k, v, a) -> agg.call(k, v, a);
    Materialized materialized = materializedOf(p);
    Materialized orDefault = materialized == null ? Materialized.with(null, null) : materialized;
    if (input instanceof KGroupedTable) {
      GraphFunction sub = fn(node, "subtractor");
      org.apache.kafka.streams.kstream.Aggregator subtractor = (k, v, a) -> sub.call(k, v, a);
      KGroupedTable g = (KGroupedTable) input;
      if (named == null) {
        return materialized == null
            ? g.aggregate(initializer, aggregator, subtractor)
            : g.aggregate(initializer, aggregator, subtractor, materialized);
      }
      return g.aggregate(initializer, aggregator, subtractor, named, orDefault);
    }
    if (input instanceof SessionWindowedKStream) {
      GraphFunction merge = fn(node, "merger");
      org.apache.kafka.streams.kstream.Merger merger = (k, a, b) -> merge.call(k, a, b);
      SessionWindowedKStream g = (SessionWindowedKStream) input;
      if (named == null) {
        return materialized == null
            ? g.aggregate(initializer, aggregator, merger)
            : g.aggregate(initializer, aggregator, merger, materialized);
      }
      return g.aggregate(initializer, aggregator, merger, named, orDefault);
    }
    if (input instanceof TimeWindowedKStream) {
      TimeWindowedKStream g = (TimeWindowedKStream) input;
      if (named == null) {
        return materialized == null ? g.aggregate(initializer, aggregator) : g.aggregate(initializer, aggregator, materialized);
      }
      return g.aggregate(initializer, aggregator, named, orDefault);
    }
    KGroupedStream g = (KGroupedStream) input;
    if (named == null) {
      return materialized == null ? g.aggregate(initializer, aggregator) : g.aggregate(initializer, aggregator, materialized);
    }
    return g.aggregate(initializer, aggregator, named, orDefault);
  }

  private Object join(Map<?, ?> node, Map<?, ?> p) {
    String id = GraphJson.string(node, "id");
    Object left = port(id, "left");
    Object right = port(id, "right");
    GraphFunction joinerFn = fn(node, "joiner");
    String joinType = GraphJson.string(p, "joinType");
    String name = GraphJson.string(p, "name");
    Named named = named(name);
    if (left instanceof KTable && right instanceof KTable) {
      // KTable joins take a ValueJoiner: Kafka Streams never gives them the key.
      org.apache.kafka.streams.kstream.ValueJoiner joiner = (a, b) -> joinerFn.call(null, a, b);
      Materialized materialized = materializedOf(p);
      KTable l = (KTable) left;
      KTable r = (KTable) right;
      switch (joinType) {
        case "inner":
          if (named == null) return materialized == null ? l.join(r, joiner) : l.join(r, joiner, materialized);
          return materialized == null ? l.join(r, joiner, named) : l.join(r, joiner, named, materialized);
        case "left":
          if (named == null) return materialized == null ? l.leftJoin(r, joiner) : l.leftJoin(r, joiner, materialized);
          return materialized == null ? l.leftJoin(r, joiner, named) : l.leftJoin(r, joiner, named, materialized);
        default:
          if (named == null) return materialized == null ? l.outerJoin(r, joiner) : l.outerJoin(r, joiner, materialized);
          return materialized == null ? l.outerJoin(r, joiner, named) : l.outerJoin(r, joiner, named, materialized);
      }
    }
    org.apache.kafka.streams.kstream.ValueJoinerWithKey joiner = (k, a, b) -> joinerFn.call(k, a, b);
    KStream stream = (KStream) left;
    if (right instanceof KStream) {
      Map<?, ?> w = GraphJson.object(p.get("window"), "node " + id + " window");
      long before = GraphJson.millis(w, "beforeMs");
      long after = GraphJson.millis(w, "afterMs");
      Long graceMs = GraphJson.millis(w, "graceMs");
      Duration grace = Duration.ofMillis(graceMs == null ? 0 : graceMs);
      JoinWindows windows = before == after
          ? JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(before), grace)
          : JoinWindows.ofTimeDifferenceAndGrace(Duration.ZERO, grace)
              .before(Duration.ofMillis(before))
              .after(Duration.ofMillis(after));
      StreamJoined joined = StreamJoined.with(null, null, null);
      if (name != null) joined = joined.withName(name);
      String storeName = GraphJson.string(p, "storeName");
      if (storeName != null) joined = joined.withStoreName(storeName);
      KStream other = (KStream) right;
      switch (joinType) {
        case "inner":
          return stream.join(other, joiner, windows, joined);
        case "left":
          return stream.leftJoin(other, joiner, windows, joined);
        default:
          return stream.outerJoin(other, joiner, windows, joined);
      }
    }
    boolean inner = joinType.equals("inner");
    if (right instanceof KTable) {
      KTable table = (KTable) right;
      if (name == null) return inner ? stream.join(table, joiner) : stream.leftJoin(table, joiner);
      Joined joined = Joined.as(name);
      return inner ? stream.join(table, joiner, joined) : stream.leftJoin(table, joiner, joined);
    }
    GlobalKTable global = (GlobalKTable) right;
    GraphFunction keySelector = fn(node, "keySelector");
    org.apache.kafka.streams.kstream.KeyValueMapper selector = (k, v) -> keySelector.call(k, v);
    if (named == null) {
      return inner ? stream.join(global, selector, joiner) : stream.leftJoin(global, selector, joiner);
    }
    return inner ? stream.join(global, selector, joiner, named) : stream.leftJoin(global, selector, joiner, named);
  }

  private static Suppressed suppressed(Map<?, ?> p) {
    Long maxRecords = GraphJson.millis(p, "maxRecords");
    Long maxBytes = GraphJson.millis(p, "maxBytes");
    BufferConfig buffer = maxRecords != null
        ? BufferConfig.maxRecords(maxRecords)
        : maxBytes != null ? BufferConfig.maxBytes(maxBytes) : BufferConfig.unbounded();
    if (maxRecords != null && maxBytes != null) buffer = buffer.withMaxBytes(maxBytes);
    Object whenFull = p.get("whenFull");
    if ("shutDown".equals(whenFull)) buffer = buffer.shutDownWhenFull();
    else if ("emitEarly".equals(whenFull)) buffer = buffer.emitEarlyWhenFull();
    Suppressed suppressed;
    if ("untilWindowCloses".equals(p.get("mode"))) {
      if (!(buffer instanceof Suppressed.StrictBufferConfig)) {
        throw new IllegalArgumentException(
            "untilWindowCloses needs a strict buffer (unbounded or whenFull shutDown)");
      }
      suppressed = Suppressed.untilWindowCloses((Suppressed.StrictBufferConfig) buffer);
    } else {
      suppressed = Suppressed.untilTimeLimit(ms(p, "timeLimitMs"), buffer);
    }
    String name = GraphJson.string(p, "name");
    return name == null ? suppressed : suppressed.withName(name);
  }

  private void sink(Map<?, ?> node, Map<?, ?> p) {
    KStream stream = (KStream) single(GraphJson.string(node, "id"));
    String keySerde = GraphJson.string(p, "keySerde");
    String valueSerde = GraphJson.string(p, "valueSerde");
    String name = GraphJson.string(p, "name");
    Produced produced = null;
    if (keySerde != null || valueSerde != null) produced = Produced.with(serdeOf(keySerde), serdeOf(valueSerde));
    if (name != null) produced = (produced == null ? Produced.with(null, null) : produced).withName(name);
    if (p.containsKey("topic")) {
      String topic = GraphJson.string(p, "topic");
      if (produced == null) stream.to(topic);
      else stream.to(topic, produced);
      return;
    }
    GraphFunction extractor = fn(node, "topicExtractor");
    TopicNameExtractor topicExtractor = new ExpressionTopicExtractor(extractor);
    if (produced == null) stream.to(topicExtractor);
    else stream.to(topicExtractor, produced);
  }

  /** Prints as the engine does in describe() (`expression(...)`), where Kafka prints toString(). */
  private static final class ExpressionTopicExtractor implements TopicNameExtractor<Object, Object> {
    private final GraphFunction extractor;

    ExpressionTopicExtractor(GraphFunction extractor) {
      this.extractor = extractor;
    }

    @Override
    public String extract(Object key, Object value, RecordContext recordContext) {
      return jsString(extractor.call(key, value));
    }

    @Override
    public String toString() {
      return extractor.describe();
    }
  }

  /** JavaScript's String(value), which the engine applies to an extracted topic name. */
  private static String jsString(Object value) {
    if (value == null) return "null";
    if (value instanceof Number) return studio.conformance.json.JsNumber.toString(((Number) value).doubleValue());
    if (value instanceof List) {
      StringBuilder text = new StringBuilder();
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) text.append(',');
        if (list.get(i) != null) text.append(jsString(list.get(i)));
      }
      return text.toString();
    }
    if (value instanceof Map) return "[object Object]";
    return String.valueOf(value);
  }

  private GraphFunction fn(Map<?, ?> node, String param) {
    Map<?, ?> p = (Map<?, ?>) node.get("params");
    return GraphFunction.of(GraphJson.string(node, "kind"), GraphJson.string(node, "id"), param, p.get(param));
  }

  private static Named named(String name) {
    return name == null ? null : Named.as(name);
  }

  private static Serde<Object> serdeOf(String name) {
    return name == null ? null : ScenarioSerdes.byName(name);
  }

  private static Consumed consumedOf(Map<?, ?> p) {
    Consumed consumed = Consumed.with(serdeOf(GraphJson.string(p, "keySerde")), serdeOf(GraphJson.string(p, "valueSerde")));
    String name = GraphJson.string(p, "name");
    return name == null ? consumed : consumed.withName(name);
  }

  private static Materialized materializedOf(Map<?, ?> p) {
    String storeName = GraphJson.string(p, "storeName");
    String valueSerde = GraphJson.string(p, "valueSerde");
    if (storeName == null && valueSerde == null) return null;
    Materialized materialized = storeName == null ? Materialized.with(null, null) : Materialized.as(storeName);
    return valueSerde == null ? materialized : materialized.withValueSerde(serdeOf(valueSerde));
  }

  private static List<KeyValue<Object, Object>> keyValues(Object result, String nodeId) {
    List<KeyValue<Object, Object>> pairs = new ArrayList<>();
    if (result == null) return pairs;
    if (!(result instanceof List)) {
      throw new IllegalArgumentException("flatMap of node " + nodeId + " must return a list of { key, value } pairs");
    }
    for (Object item : (List<?>) result) {
      if (!(item instanceof Map) || !((Map<?, ?>) item).containsKey("key") || !((Map<?, ?>) item).containsKey("value")) {
        throw new IllegalArgumentException(
            "flatMap of node " + nodeId + " returned an element that is not a { key, value } pair");
      }
      Map<?, ?> pair = (Map<?, ?>) item;
      pairs.add(KeyValue.pair(pair.get("key"), pair.get("value")));
    }
    return pairs;
  }

  private static Iterable<Object> iterable(Object result, String nodeId) {
    if (result instanceof List) return (List<Object>) result;
    throw new IllegalArgumentException(
        "The flatMapValues mapper of node " + nodeId + " must return an iterable (e.g. an array), got " + jsString(result));
  }
}
