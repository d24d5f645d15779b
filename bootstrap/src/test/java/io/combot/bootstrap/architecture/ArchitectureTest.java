package io.combot.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hexagon's rules, over the production classes of every module (bootstrap has them all on its class path). */
class ArchitectureTest {
    private static final String ROOT = "io.combot";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APPLICATION = ROOT + ".application..";
    private static final String WEB = ROOT + ".adapter.in.web..";
    private static final String PERSISTENCE = ROOT + ".adapter.out.persistence..";
    private static final String ML = ROOT + ".adapter.out.ml..";
    private static final String LLM = ROOT + ".adapter.out.llm..";
    private static final String KNOWLEDGE = ROOT + ".adapter.out.knowledge..";
    private static final String BOOTSTRAP = ROOT + ".bootstrap..";
    private static final String PORT_OUT = ROOT + ".domain.port.out";
    private static final String SESSION_STORE = ROOT + ".adapter.out.persistence.JpaSessionStoreAdapter";

    private static final Pattern TOOLS_MODULE = Pattern.compile(".*/tools(/target/classes|-[^/]*\\.jar).*");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Module classes may come from jars (a reactor build past 'package'). The domain's test-jar and the tools
        // module are on the test class path only: not production, not analysed.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .withImportOption(location -> !location.matches(TOOLS_MODULE))
                .importPackages(ROOT);
    }

    /** A rule over no classes passes silently, so first make sure every module was imported. */
    @ParameterizedTest
    @CsvSource({DOMAIN, APPLICATION, WEB, PERSISTENCE, ML, LLM, KNOWLEDGE, BOOTSTRAP})
    void everyModuleIsAnalysed(String packagePattern) {
        String prefix = packagePattern.replace("..", ".");
        assertThat(classes.stream().filter(c -> (c.getPackageName() + ".").startsWith(prefix)).count())
                .as("classes in %s", packagePattern).isGreaterThan(1);
        assertThat(classes.stream().map(c -> c.getSource().map(Object::toString).orElse(""))
                .filter(source -> source.contains("-tests.jar") || source.contains("test-classes")))
                .as("no test classes").isEmpty();
    }

    @Test
    void layersOnlyDependInward() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("Domain").definedBy(DOMAIN)
                .layer("Application").definedBy(APPLICATION)
                .layer("Web").definedBy(WEB)
                .layer("Persistence").definedBy(PERSISTENCE)
                .layer("Ml").definedBy(ML)
                .layer("Llm").definedBy(LLM)
                .layer("Knowledge").definedBy(KNOWLEDGE)
                .layer("Bootstrap").definedBy(BOOTSTRAP)
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Web", "Persistence", "Ml", "Llm",
                        "Knowledge", "Bootstrap")
                .whereLayer("Domain").mayNotAccessAnyLayer()
                .whereLayer("Application").mayOnlyAccessLayers("Domain")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Web").mayOnlyAccessLayers("Domain")
                .whereLayer("Persistence").mayOnlyAccessLayers("Domain")
                .whereLayer("Ml").mayOnlyAccessLayers("Domain")
                .whereLayer("Llm").mayOnlyAccessLayers("Domain")
                .whereLayer("Knowledge").mayOnlyAccessLayers("Domain")
                .whereLayer("Web").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Ml").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Llm").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Knowledge").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture()
                .check(classes);
    }

    @Test
    void theDomainUsesTheJdkOnly() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .check(classes);
    }

    @Test
    void theApplicationUsesTheDomainAndTheJdkOnly() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .check(classes);
    }

    /**
     * How a bot is built is the application's (TrainBotService over ports); reading and writing a bot's files, the
     * labels' HTTP fetch, the encoder and the head's fit are the ml adapter's. The application touches neither files
     * nor the network.
     */
    @Test
    void buildingABotIsFreeOfTheTechnologyItRunsOn() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("java.io..", "java.net..")
                .andShould().onlyDependOnClassesThat().doNotHaveFullyQualifiedName("java.nio.file.Files")
                .allowEmptyShould(false)
                .check(classes);
        classes().that().haveSimpleName("TrainBotService").or().haveSimpleName("ReloadBotService")
                .should().resideInAPackage(APPLICATION)
                .allowEmptyShould(false)
                .check(classes);
    }

    /** The training ports are implemented in the ml adapter only: the fit, the folder's files, the labels. */
    @ParameterizedTest
    @CsvSource({"FitIntentHeadPort", "CalibrateSafetyPort", "ReadBotFolderPort", "WriteBotModelPort", "ReadLabelsPort",
            "EmbedTextsPort"})
    void theTrainingPortsAreImplementedInTheMlAdapter(String port) {
        classes().that().implement(ROOT + ".domain.port.out." + port)
                .should().resideInAPackage(ML)
                .allowEmptyShould(false)
                .check(classes);
    }

    @ParameterizedTest(name = "{0} only in {1}")
    @CsvSource({
            "jakarta.persistence.., " + PERSISTENCE,
            "org.hibernate.., " + PERSISTENCE,
            "org.flywaydb.., " + PERSISTENCE,
            "com.zaxxer.., " + PERSISTENCE,
            "org.sqlite.., " + PERSISTENCE,
            "ai.djl.., " + ML,
            "com.openai.., " + LLM,
            "io.github.resilience4j.., " + LLM,
            // the knowledge base's index and document parsers
            "org.apache.lucene.., " + KNOWLEDGE,
            "org.jsoup.., " + KNOWLEDGE,
            "org.apache.pdfbox.., " + KNOWLEDGE,
            "org.apache.fontbox.., " + KNOWLEDGE,
            "org.commonmark.., " + KNOWLEDGE,
            "org.springframework.web.., " + WEB,
            "jakarta.servlet.., " + WEB,
            // the handlers in front of the servlets (whole-body wait, admission control, Jetty's own errors)
            "org.eclipse.jetty.., " + WEB,
            // JSON on the API; bot.yaml, a bot's data, is read where the bot is loaded
            "tools.jackson.., " + WEB + " " + ML,
            // the HTTP client that fetches labels for training from the service's export
            "java.net.http.., " + ML,
    })
    void technologyStaysInItsAdapter(String technology, String adapters) {
        List<String> allowed = new ArrayList<>(List.of(adapters.split(" ")));
        allowed.add(BOOTSTRAP);
        noClasses().that().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage(technology)
                .check(classes);
    }

    /**
     * Metrics are taken at the edges: request metrics in the web adapter, the LLM's circuit in its adapter, the
     * connection pools' meters in persistence, the classifier cache's hits and size in ml.
     */
    @Test
    void micrometerStaysAtTheEdges() {
        noClasses().that().resideOutsideOfPackages(WEB, LLM, PERSISTENCE, ML, BOOTSTRAP)
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void springIsKnownToAdaptersAndBootstrapOnly() {
        noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void outgoingPortsAreInterfaces() {
        classes().that().resideInAPackage(ROOT + ".domain.port.out..")
                .should().beInterfaces()
                .check(classes);
    }

    /**
     * The application sees the session store through narrow ports, one capability each: an application class that
     * calls a port of the store calls every method of it, so that it holds none it has no use for. One interface for
     * the whole store fails this (a service that ends sessions would hold the history and the purge too), and so
     * would a composite of the narrow ports. The store's ports are the out-ports its adapter implements.
     */
    @Test
    void theApplicationUsesEachSessionStorePortWhole() {
        JavaClass store = classes.get(SESSION_STORE);
        DescribedPredicate<JavaClass> storePort = DescribedPredicate.describe("port of the session store",
                type -> type.isInterface() && type.getPackageName().equals(PORT_OUT)
                        && store.isAssignableTo(type.getName()));
        classes().that().resideInAPackage(APPLICATION).and(callAMethodOfA(storePort))
                .should(callEveryMethodOfEach(storePort))
                .allowEmptyShould(false)
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> callAMethodOfA(DescribedPredicate<JavaClass> port) {
        return DescribedPredicate.describe("call a method of a " + port.getDescription(), type -> type
                .getMethodCallsFromSelf().stream().anyMatch(call -> port.test(call.getTargetOwner())));
    }

    /** Calls made in a lambda count: ArchUnit imports a lambda's body as a method of the class that holds it. */
    private static ArchCondition<JavaClass> callEveryMethodOfEach(DescribedPredicate<JavaClass> port) {
        return new ArchCondition<>("call every method of each " + port.getDescription() + " they call") {
            @Override
            public void check(JavaClass caller, ConditionEvents events) {
                Map<String, Set<String>> calledByPort = new TreeMap<>();
                Map<String, JavaClass> ports = new TreeMap<>();
                for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                    if (port.test(call.getTargetOwner())) {
                        ports.put(call.getTargetOwner().getName(), call.getTargetOwner());
                        calledByPort.computeIfAbsent(call.getTargetOwner().getName(), name -> new TreeSet<>())
                                .add(signature(call.getName(), call.getTarget().getRawParameterTypes()));
                    }
                }
                ports.forEach((name, type) -> {
                    Set<String> unused = new TreeSet<>(abstractMethods(type));
                    unused.removeAll(calledByPort.get(name));
                    events.add(new SimpleConditionEvent(caller, unused.isEmpty(), unused.isEmpty()
                            ? caller.getName() + " calls every method of " + type.getSimpleName()
                            : caller.getName() + " uses " + type.getSimpleName() + " but never calls "
                                    + String.join(", ", unused)));
                });
            }
        };
    }

    private static Set<String> abstractMethods(JavaClass port) {
        return Stream.concat(Stream.of(port), port.getAllRawInterfaces().stream())
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(method -> signature(method.getName(), method.getRawParameterTypes()))
                .collect(Collectors.toSet());
    }

    private static String signature(String name, List<JavaClass> parameterTypes) {
        return name + parameterTypes.stream().map(JavaClass::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    @Test
    void useCasesAreInterfaces() {
        classes().that().resideInAPackage(ROOT + ".domain.port.in..").and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces()
                .check(classes);
    }

    @Test
    void adaptersImplementPortsWithoutExposingTheirInsides() {
        // BotTraining: the training ports, which the train command's composition root in bootstrap wires.
        ArchRule rule = classes().that().resideInAnyPackage(PERSISTENCE, ML, LLM, KNOWLEDGE)
                .and().arePublic()
                .should().haveSimpleNameEndingWith("Configuration").orShould().haveSimpleNameEndingWith("Settings")
                .orShould().haveSimpleName("BotTraining");
        rule.check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * Shipped code has no test imports: test fixtures (the fake LLM's JUnit extension, TestPostgres) live in test-jars.
     * Over every module's production classes, the tools module's included, which the other rules leave out.
     */
    @Test
    void shippedCodeHasNoTestImports() {
        JavaClasses shipped = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
        assertThat(shipped.stream().filter(c -> c.getPackageName().startsWith(ROOT + ".tools.")).count())
                .as("the tools module's classes are analysed").isGreaterThan(1);
        assertThat(shipped.stream().filter(c -> c.getPackageName().startsWith(ROOT + ".bootstrap")).count())
                .as("the service's classes are analysed").isGreaterThan(1);
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "org.assertj..", "org.mockito..", "com.tngtech.archunit..")
                .allowEmptyShould(false)
                .check(shipped);
    }

    /**
     * The HTTP perimeter lives in the web adapter ({@code Perimeter}): bootstrap starts Jetty with the handlers and
     * filters it is handed and decides no request's fate itself, so it holds no servlet filter and no Jetty handler.
     */
    @Test
    void bootstrapDecidesNoHttpBehaviour() {
        noClasses().that().resideInAPackage(BOOTSTRAP)
                .should().beAssignableTo(jakarta.servlet.Filter.class)
                .orShould().beAssignableTo(org.eclipse.jetty.server.Handler.class)
                .check(classes);
        classes().that().resideInAPackage(WEB).and().haveSimpleName("Perimeter").should().bePublic()
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
    }
}
