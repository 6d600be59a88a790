package io.github.securityrelease.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import javax.management.ObjectName;

/**
 * The live objects in the heap by class, as {@code jcmd <pid> GC.class_histogram} prints them
 * (after a full collection), read from inside the JVM: what grows between two sizes says who
 * keeps something per case.
 */
final class HeapHistogram {

  private HeapHistogram() {}

  /** Bytes of live objects per class name. */
  static Map<String, Long> live() throws Exception {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    Map<String, Long> bytes = new HashMap<>();
    for (String line : text.split("\n")) {
      // "   1:        123456       7890123  [B (java.base@17.0.1)"
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 4 && fields[0].endsWith(":")) {
        bytes.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
      }
    }
    return bytes;
  }

  /** The {@code count} classes that grew most from {@code before} to {@code after}, in bytes. */
  static List<Entry<String, Long>> grown(Map<String, Long> before, Map<String, Long> after, int count) {
    Map<String, Long> growth = new HashMap<>();
    after.forEach((type, bytes) -> growth.put(type, bytes - before.getOrDefault(type, 0L)));
    return growth.entrySet().stream().sorted(Entry.<String, Long>comparingByValue().reversed()).limit(count).toList();
  }
}
