package org.exitbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.SpringBean;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter;
import org.w3c.dom.Element;

/**
 * The modules under {@code org.exitbot} depend one way and only on each other's API, their beans stay small, and
 * the map of them a newcomer reads (the module diagram in {@code docs/modules}, the module graph and the table
 * of the processes' tasks in the README) is what the code is. When the code changes the map, a test here fails
 * and says what the map must now be.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("modules")
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ExitBotApplication.class);
    static final int MOST_DEPENDENCIES = 7;
    static final String DOCS_FOLDER = "target/spring-modulith-docs";
    static final Path DIAGRAM = Path.of("docs/modules/components.puml");
    static final Path README = Path.of("README.md");
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Path PROCESSES = Path.of("processes");

    @Test
    void modulesDependOneWayAndOnlyOnEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void noBeanTakesMoreThanSevenDependencies() {
        List<String> tooMany = beans().stream()
                .flatMap(bean -> bean.getConstructors().stream())
                .filter(constructor -> constructor.getRawParameterTypes().size() > MOST_DEPENDENCIES)
                .map(constructor -> constructor.getOwner().getSimpleName() + " takes "
                        + constructor.getRawParameterTypes().size())
                .toList();
        assertThat(tooMany).as("constructors with more than %d dependencies", MOST_DEPENDENCIES).isEmpty();
    }

    @Test
    void theModuleDiagramInDocsIsTheCodes() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS_FOLDER).withoutClean())
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.C4));
        String generated = Files.readString(Path.of(DOCS_FOLDER, "components.puml"));
        // Modulith writes the same diagram with its lines in varying order
        assertThat(Files.exists(DIAGRAM) ? Files.readAllLines(DIAGRAM).stream().sorted().toList() : List.of())
                .as("%s is out of date: copy %s/components.puml over it", DIAGRAM, DOCS_FOLDER)
                .isEqualTo(generated.lines().sorted().toList());
    }

    @Test
    void theReadmeShowsTheModuleGraph() throws IOException {
        assertReadmeSection("modules", moduleGraph());
    }

    @Test
    void theReadmeNamesEachTasksBeanAndTheServiceMethodsItCalls() throws Exception {
        assertReadmeSection("tasks", taskTable());
    }

    private static void assertReadmeSection(String name, String generated) throws IOException {
        Path expected = Path.of(DOCS_FOLDER, "readme-" + name + ".md");
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, generated + "\n");
        assertThat(section(Files.readString(README), name))
                .as("the README between <!-- %s:start --> and <!-- %s:end --> is out of date: put %s there",
                        name, name, expected)
                .isEqualTo(generated);
    }

    /** A Mermaid graph: each module with an arrow to each module it uses; every module may use system. */
    static String moduleGraph() {
        var lines = new ArrayList<String>();
        lines.add("```mermaid");
        lines.add("flowchart TD");
        for (ApplicationModule module : sorted()) {
            module.getDirectDependencies(MODULES).uniqueModules()
                    .map(ApplicationModule::getName)
                    .filter(target -> !target.equals("system"))
                    .sorted()
                    .forEach(target -> lines.add("  " + module.getName() + " --> " + target));
        }
        lines.add("```");
        return String.join("\n", lines);
    }

    /** Each task of the processes, the bean the BPMN names, and the methods of other beans it calls. */
    static String taskTable() throws Exception {
        var lines = new ArrayList<String>();
        lines.add("| Process | Task | Bean | Calls |");
        lines.add("|---|---|---|---|");
        Map<String, JavaClass> byBeanName = beans().stream().collect(Collectors.toMap(
                bean -> Character.toLowerCase(bean.getSimpleName().charAt(0)) + bean.getSimpleName().substring(1),
                bean -> bean, (a, b) -> a));
        List<Path> processes;
        try (var files = Files.list(PROCESSES)) {
            processes = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
        for (Path file : processes) {
            var factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(file.toFile());
            var elements = document.getElementsByTagName("*");
            for (int i = 0; i < elements.getLength(); i++) {
                var element = (Element) elements.item(i);
                String topic = element.getAttributeNS(CAMUNDA, "topic");
                if (!topic.isEmpty()) {
                    lines.add(topicRow(file, element.getAttribute("name"), topic, byBeanName));
                    continue;
                }
                String delegate = element.getAttributeNS(CAMUNDA, "delegateExpression");
                if (delegate.isEmpty()) {
                    delegate = element.getAttribute("delegateExpression");
                }
                if (delegate.isEmpty()) {
                    continue;
                }
                boolean listener = element.getLocalName().endsWith("Listener");
                Element task = listener ? (Element) element.getParentNode().getParentNode() : element;
                String name = task.getAttribute("name") + (listener ? " (" + element.getAttribute("event") + ")" : "");
                String bean = delegate.replaceAll("^\\$\\{|}$", "");
                JavaClass type = byBeanName.get(bean);
                assertThat(type).as("the bean %s that %s names", bean, file).isNotNull();
                String calls = calls(type, listener ? "notify" : "execute").stream()
                        .map(call -> "`" + call + "`").collect(Collectors.joining(", "));
                lines.add("| " + file.getFileName().toString().replace(".bpmn", "") + " | " + name + " | `" + bean
                        + "` | " + calls + " |");
            }
        }
        return String.join("\n", lines);
    }

    /**
     * An external task: the LLM worker serves its topic with the {@code LlmTopic} bean named after it
     * ({@code decide-follow-up}: {@code decideFollowUpTopic}); the calls of its {@code call} and {@code complete}.
     */
    private static String topicRow(Path file, String name, String topic, Map<String, JavaClass> byBeanName) {
        String bean = Pattern.compile("-(\\w)").matcher(topic).replaceAll(m -> m.group(1).toUpperCase()) + "Topic";
        JavaClass type = byBeanName.get(bean);
        assertThat(type).as("the LLM topic bean %s that serves topic %s of %s", bean, topic, file).isNotNull();
        var calls = new LinkedHashSet<String>(calls(type, "call"));
        calls.addAll(calls(type, "complete"));
        return "| " + file.getFileName().toString().replace(".bpmn", "") + " | " + name + " (topic `" + topic
                + "`) | `" + bean + "` | " + calls.stream().map(call -> "`" + call + "`")
                        .collect(Collectors.joining(", ")) + " |";
    }

    /** The methods of other beans that {@code method} calls, itself or through the class's own methods. */
    private static List<String> calls(JavaClass type, String method) {
        var found = new LinkedHashSet<String>();
        var beanTypes = beans().stream().map(JavaClass::getName).collect(Collectors.toSet());
        collect(type.getMethods().stream().filter(m -> m.getName().equals(method) && !m.getModifiers()
                        .contains(com.tngtech.archunit.core.domain.JavaModifier.SYNTHETIC)).findFirst().orElseThrow(),
                type, beanTypes, found, new LinkedHashSet<>());
        return List.copyOf(found);
    }

    private static void collect(JavaCodeUnit unit, JavaClass type, Set<String> beanTypes, Set<String> found,
            Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return;
        }
        unit.getMethodCallsFromSelf().stream()
                .sorted(Comparator.comparingInt(JavaMethodCall::getLineNumber))
                .forEach(call -> {
                    JavaClass owner = call.getTargetOwner();
                    if (owner.equals(type)) {
                        call.getTarget().resolveMember().ifPresent(own -> collect(own, type, beanTypes, found, seen));
                    } else if (beanTypes.contains(owner.getName())) {
                        found.add(owner.getSimpleName() + "." + call.getName());
                    }
                });
    }

    private static List<JavaClass> beans() {
        return MODULES.stream()
                .flatMap(module -> module.getSpringBeans().stream())
                .map(SpringBean::getType)
                .distinct()
                .toList();
    }

    private static List<ApplicationModule> sorted() {
        return MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).toList();
    }

    /** The text between {@code <!-- name:start -->} and {@code <!-- name:end -->}, trimmed. */
    private static String section(String text, String name) {
        Matcher matcher = Pattern.compile("<!-- " + name + ":start -->(.*?)<!-- " + name + ":end -->", Pattern.DOTALL)
                .matcher(text);
        return matcher.find() ? matcher.group(1).strip() : "";
    }
}
