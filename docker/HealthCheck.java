import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health probe: exit 0 when the URL answers 200, else 1. The runtime image
 * is a bare JRE (no curl, no wget); this needs java.base only. Compiled in the build stage.
 *
 *   java -cp /opt/security-release/healthcheck HealthCheck http://localhost:8080/actuator/health/readiness
 */
public final class HealthCheck {
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8080/actuator/health/readiness";
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(4000);
      connection.setInstanceFollowRedirects(false);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status == 200) {
        System.exit(0);
      }
      System.err.println(url + ": HTTP " + status);
    } catch (Exception e) {
      System.err.println(url + ": " + e);
    }
    System.exit(1);
  }
}
