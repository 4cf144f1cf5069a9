# Build: docker build -t exitbot .   Run: see docker-compose.yml
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/exitbot-*.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system exitbot && useradd --system --gid exitbot --home-dir /app exitbot \
 && mkdir -p /app/data && chown -R exitbot:exitbot /app
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER exitbot
ENV EXITBOT_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70"
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
