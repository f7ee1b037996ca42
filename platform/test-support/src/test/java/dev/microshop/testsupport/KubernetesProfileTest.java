package dev.microshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The profile {@code kubernetes} (deploy/k8s runs every process with it), against an API server that fabric8's mock
 * plays: the process starts with neither Eureka nor the config server, reads its settings from the ConfigMaps that
 * config/kustomization.yaml makes (the shared one, its own, its profile's), applies a ConfigMap change while it runs,
 * and finds other services as Kubernetes Services: their http port for HTTP (the gateway's lb:// routes), their grpc
 * port for gRPC channels.
 */
@EnableKubernetesMockClient(crud = true)
@SpringBootTest(
        properties = {
            // Declared as a pod's SPRING_PROFILES_ACTIVE declares them.
            "spring.profiles.active=kubernetes,blue",
            // A start-up that looks for the config server after all fails at once, not after 30 retries.
            "spring.cloud.config.retry.max-attempts=1",
            "spring.grpc.server.port=0",
            "server.port=0",
            "management.tracing.export.zipkin.enabled=false",
            "management.otlp.metrics.export.enabled=false",
            "logging.file.name="
        })
@ContextCustomizerFactories(EmbeddedEnginesCustomizerFactory.class)
class KubernetesProfileTest {

    private static final String CLIENT = "spring.cloud.kubernetes.client.";
    private static final String PLATFORM = "spring.main.cloud-platform";

    /** The mock API server's client, set by the extension. */
    static KubernetesClient client;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Autowired
    DiscoveryClient discovery;

    @Autowired
    LoadBalancerClient loadBalancer;

    @BeforeAll
    static void cluster() {
        // System properties, as a pod's environment: the refresh after a ConfigMap change reads its settings again in
        // an
        // environment of its own, which has these but not the test's property sources. The cloud platform is what
        // Spring Cloud Kubernetes finds out by itself in a pod (KUBERNETES_SERVICE_HOST).
        System.setProperty(PLATFORM, "kubernetes");
        System.setProperty(CLIENT + "master-url", client.getConfiguration().getMasterUrl());
        System.setProperty(CLIENT + "namespace", client.getNamespace());
        System.setProperty(CLIENT + "trust-certs", "true");
        settings("application", "sample:\n  shared: from application\n  overridden: by application\n");
        settings(
                "sample-service",
                "sample:\n  own: from sample-service\n  overridden: by sample-service\n  greeting: hello\n");
        settings("sample-service-blue", "sample:\n  overridden: by sample-service-blue\n");
        // user-service's Service and its one pod, with the ports deploy/k8s gives it.
        Map<String, Integer> ports = Map.of("http", 8101, "grpc", 9101, "management", 18101);
        client.services()
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("user-service")
                        .endMetadata()
                        .withNewSpec()
                        .withPorts(ports.entrySet().stream()
                                .map(port -> new ServicePortBuilder()
                                        .withName(port.getKey())
                                        .withPort(port.getValue())
                                        .build())
                                .toList())
                        .endSpec()
                        .build())
                .create();
        client.endpoints()
                .resource(new EndpointsBuilder()
                        .withNewMetadata()
                        .withName("user-service")
                        .endMetadata()
                        .addNewSubset()
                        .addNewAddress()
                        .withIp("10.1.2.3")
                        .endAddress()
                        .withPorts(ports.entrySet().stream()
                                .map(port -> new EndpointPortBuilder()
                                        .withName(port.getKey())
                                        .withPort(port.getValue())
                                        .build())
                                .toList())
                        .endSubset()
                        .build())
                .create();
    }

    @AfterAll
    static void forgetCluster() {
        List.of("master-url", "namespace", "trust-certs").forEach(key -> System.clearProperty(CLIENT + key));
        System.clearProperty(PLATFORM);
    }

    private static void settings(String name, String applicationYml) {
        client.configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withData(Map.of("application.yml", applicationYml))
                        .build())
                .createOr(existing -> existing.update());
    }

    @Test
    void it_starts_with_neither_eureka_nor_the_config_server() {
        assertThat(environment.getProperty("eureka.client.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.cloud.config.enabled")).isEqualTo("false");
        assertThat(context.getBeanNamesForType(com.netflix.discovery.EurekaClient.class))
                .isEmpty();
        assertThat(context.getBeansOfType(DiscoveryClient.class).values())
                .extracting(client -> client.getClass().getSimpleName())
                .anyMatch(name -> name.startsWith("Fabric8"))
                .noneMatch(name -> name.contains("Eureka"));
    }

    @Test
    void its_settings_come_from_the_shared_config_map_its_own_and_its_profiles_in_that_order() {
        assertThat(environment.getProperty("sample.shared")).isEqualTo("from application");
        assertThat(environment.getProperty("sample.own")).isEqualTo("from sample-service");
        assertThat(environment.getProperty("sample.overridden")).isEqualTo("by sample-service-blue");
    }

    @Test
    void a_changed_config_map_is_applied_while_it_runs() {
        assertThat(environment.getProperty("sample.greeting")).isEqualTo("hello");

        settings(
                "sample-service",
                "sample:\n  own: from sample-service\n  overridden: by sample-service\n  greeting: hello again\n");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(environment.getProperty("sample.greeting")).isEqualTo("hello again"));
    }

    @Test
    void another_service_is_found_as_its_kubernetes_service_http_for_routes_and_grpc_for_channels() {
        List<ServiceInstance> instances = discovery.getInstances("user-service");

        assertThat(instances).singleElement().satisfies(instance -> {
            assertThat(instance.getHost()).isEqualTo("10.1.2.3");
            assertThat(instance.getPort()).isEqualTo(8101);
            assertThat(instance.getMetadata()).containsEntry("port.grpc", "9101");
        });
        ServiceInstance chosen = loadBalancer.choose("user-service");
        assertThat(chosen.getUri()).hasToString("http://10.1.2.3:8101");
    }
}
