package studio.conformance.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import studio.conformance.json.Json;

/**
 * The serdes a design can name (String, Long, Integer, Double, ByteArray, Json), with the byte
 * formats of the engine's serdes. Values computed by expressions are Doubles, so the numeric
 * serdes accept any Number and refuse what the engine's serdes refuse.
 */
public final class ScenarioSerdes {
  private ScenarioSerdes() {}

  /** The serde a design names, or an IllegalArgumentException naming the unknown serde. */
  public static Serde<Object> byName(String name) {
    switch (name) {
      case "String":
        return new StringSerde();
      case "Long":
        return new LongSerde();
      case "Integer":
        return new IntegerSerde();
      case "Double":
        return new DoubleSerde();
      case "ByteArray":
        return new ByteArraySerde();
      case "Json":
        return new JsonSerde();
      default:
        throw new IllegalArgumentException(
            "Unknown serde " + name + " (use String, Long, Integer, Double, ByteArray or Json)");
    }
  }

  /**
   * The class to put in `default.key.serde` / `default.value.serde` for a config value that is
   * a short name (`Json`) or a Kafka class name (`...Serdes$LongSerde`).
   */
  public static String configClassName(String configValue) {
    String shortName = configValue.replaceFirst("^.*?(?:Serdes\\$)?([A-Za-z]+?)Serde$", "$1");
    return byName(shortName).getClass().getName();
  }

  private abstract static class ObjectSerde implements Serde<Object>, Serializer<Object>, Deserializer<Object> {
    @Override
    public Serializer<Object> serializer() {
      return this;
    }

    @Override
    public Deserializer<Object> deserializer() {
      return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}

    @Override
    public byte[] serialize(String topic, Object data) {
      return data == null ? null : encode(topic, data);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
      return data == null ? null : decode(topic, data);
    }

    abstract byte[] encode(String topic, Object data);

    abstract Object decode(String topic, byte[] data);

    static SerializationException wrongType(String serializer, String topic, Object data) {
      return new SerializationException(
          serializer + " needs another type, got " + data.getClass().getSimpleName() + " " + data
              + " (topic " + topic + ")");
    }

    static double number(String serializer, String topic, Object data) {
      if (!(data instanceof Number)) throw wrongType(serializer, topic, data);
      return ((Number) data).doubleValue();
    }

    static void requireWidth(String deserializer, String topic, byte[] data, int width) {
      if (data.length != width) {
        throw new SerializationException(
            "Size of data received by " + deserializer + " is not " + width + " (got "
                + data.length + " bytes on topic " + topic + ")");
      }
    }
  }

  public static final class StringSerde extends ObjectSerde {
    @Override
    byte[] encode(String topic, Object data) {
      if (!(data instanceof String)) throw wrongType("StringSerializer", topic, data);
      return ((String) data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    Object decode(String topic, byte[] data) {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  public static final class LongSerde extends ObjectSerde {
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;

    @Override
    byte[] encode(String topic, Object data) {
      if (data instanceof Long || data instanceof Integer) {
        return ByteBuffer.allocate(8).putLong(((Number) data).longValue()).array();
      }
      double value = number("LongSerializer", topic, data);
      if (value != Math.rint(value) || Math.abs(value) > MAX_SAFE_INTEGER) {
        throw new SerializationException("LongSerializer needs a safe integer, got " + data);
      }
      return ByteBuffer.allocate(8).putLong((long) value).array();
    }

    @Override
    Object decode(String topic, byte[] data) {
      requireWidth("LongDeserializer", topic, data, 8);
      return ByteBuffer.wrap(data).getLong();
    }
  }

  public static final class IntegerSerde extends ObjectSerde {
    @Override
    byte[] encode(String topic, Object data) {
      double value = number("IntegerSerializer", topic, data);
      if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new SerializationException("IntegerSerializer needs a 32-bit integer, got " + data);
      }
      return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    @Override
    Object decode(String topic, byte[] data) {
      requireWidth("IntegerDeserializer", topic, data, 4);
      return ByteBuffer.wrap(data).getInt();
    }
  }

  public static final class DoubleSerde extends ObjectSerde {
    @Override
    byte[] encode(String topic, Object data) {
      return ByteBuffer.allocate(8).putDouble(number("DoubleSerializer", topic, data)).array();
    }

    @Override
    Object decode(String topic, byte[] data) {
      requireWidth("DoubleDeserializer", topic, data, 8);
      return ByteBuffer.wrap(data).getDouble();
    }
  }

  public static final class ByteArraySerde extends ObjectSerde {
    @Override
    byte[] encode(String topic, Object data) {
      if (!(data instanceof byte[])) throw wrongType("ByteArraySerializer", topic, data);
      return (byte[]) data;
    }

    @Override
    Object decode(String topic, byte[] data) {
      return data;
    }
  }

  public static final class JsonSerde extends ObjectSerde {
    @Override
    byte[] encode(String topic, Object data) {
      return Json.stringify(data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    Object decode(String topic, byte[] data) {
      try {
        return Json.parse(new String(data, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new SerializationException("JsonDeserializer: " + e.getMessage() + " (topic " + topic + ")");
      }
    }
  }
}
