# The service as a container image: built with Maven on a JDK, run on a JRE as a non-root user.
#   docker build -t security-release-orchestrator:local .
# docker-compose.yml runs it on PostgreSQL, two nodes, with Mailpit as the mail server.

# --- build ---------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# dependencies first: this layer is rebuilt only when pom.xml changes
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline

# the health probe: the JRE image has neither curl nor wget
COPY docker/HealthCheck.java ./healthcheck/
RUN javac --release 17 -d /build/healthcheck /build/healthcheck/HealthCheck.java

# processes/ (models, forms) is a resource folder of the build, beside src/
COPY src ./src
COPY processes ./processes
RUN mvn -B -DskipTests package \
 && cp target/security-release-orchestrator-*.jar /build/app.jar

# --- run -----------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# uid 10001, no login shell; its home is the working directory, the only place it may write
RUN groupadd --system --gid 10001 sro \
 && useradd --system --uid 10001 --gid sro --home-dir /var/lib/security-release --create-home \
      --shell /usr/sbin/nologin sro

# the jar and the probe belong to root: the service can read them, not change them
COPY --from=build /build/app.jar /opt/security-release/app.jar
COPY --from=build /build/healthcheck/HealthCheck.class /opt/security-release/healthcheck/

USER sro
WORKDIR /var/lib/security-release

# the postgres profile: SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD and
# SECURITY_RELEASE_ADMIN_PASSWORD must be given; the service refuses to start without them
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

EXPOSE 8080

# ready = models deployed, accepting traffic; the first start creates Camunda's schema
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD ["env", "-u", "JAVA_TOOL_OPTIONS", "java", "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", \
       "-cp", "/opt/security-release/healthcheck", "HealthCheck", "http://localhost:8080/actuator/health/readiness"]

# java is PID 1: docker stop's SIGTERM reaches it and the service shuts down gracefully
ENTRYPOINT ["java", "-jar", "/opt/security-release/app.jar"]
