package org.regionalexchange.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import tools.jackson.databind.JsonNode;

/**
 * What a node's deployment must keep, checked on the rendered manifests read into fabric8's typed
 * Kubernetes model. Each rule returns its violations, each line starting with the rule's name;
 * {@code PlantedManifestsTest} shows each rule refusing a manifest planted to break it.
 */
final class Rules {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    /** The namespace of the ingress controller, the only in-cluster source of traffic to a node. */
    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String DNS_NAMESPACE = "kube-system";
    /** The CloudNativePG cluster of every node. */
    static final String DATABASE_CLUSTER = "gateway-db";

    private static final ObjectMapper TYPED = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 ServiceAccount", ServiceAccount.class,
            "v1 Namespace", Namespace.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    /** The rules every rendering (base and overlays) keeps, by name. */
    static final Map<String, Function<List<HasMetadata>, List<String>>> NODE_RULES = Map.ofEntries(
            Map.entry("probes", Rules::probes),
            Map.entry("non-root", Rules::nonRoot),
            Map.entry("read-only-root", Rules::readOnlyRoot),
            Map.entry("privileges", Rules::privileges),
            Map.entry("image-pinned", Rules::imagePinned),
            Map.entry("limits", Rules::limits),
            Map.entry("replicas", Rules::replicas),
            Map.entry("pdb", Rules::podDisruptionBudget),
            Map.entry("default-deny", Rules::defaultDeny),
            Map.entry("allowed-peers", Rules::allowedPeers));

    private Rules() {
    }

    /** Reads each document into its typed class (an unknown kind is read as a generic resource). */
    static List<HasMetadata> typed(List<JsonNode> documents) {
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode doc : documents) {
            Class<? extends HasMetadata> type = KINDS.getOrDefault(
                    doc.path("apiVersion").asString() + " " + doc.path("kind").asString(), GenericKubernetesResource.class);
            try {
                resources.add(TYPED.readValue(doc.toString(), type));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new AssertionError(describe(doc) + " does not read as " + type.getSimpleName() + ": "
                        + e.getOriginalMessage(), e);
            }
        }
        return resources;
    }

    static String describe(JsonNode doc) {
        return doc.path("kind").asString() + "/" + doc.path("metadata").path("name").asString();
    }

    static List<String> all(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        NODE_RULES.values().forEach(rule -> violations.addAll(rule.apply(resources)));
        return violations;
    }

    static List<String> probes(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            for (Container c : pod(deployment).getContainers()) {
                String where = "probes: " + name(deployment) + "/" + c.getName();
                if (!httpGet(c.getLivenessProbe(), LIVENESS)) {
                    violations.add(where + ": livenessProbe must GET " + LIVENESS + " (no database in it)");
                }
                if (!httpGet(c.getReadinessProbe(), READINESS)) {
                    violations.add(where + ": readinessProbe must GET " + READINESS + " (the database is in it)");
                }
                if (c.getStartupProbe() != null && !httpGet(c.getStartupProbe(), LIVENESS)) {
                    violations.add(where + ": startupProbe must GET " + LIVENESS);
                }
            }
        }
        return violations;
    }

    static List<String> nonRoot(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            PodSecurityContext podContext = pod(deployment).getSecurityContext();
            for (Container c : pod(deployment).getContainers()) {
                SecurityContext context = c.getSecurityContext();
                Boolean runAsNonRoot = context != null && context.getRunAsNonRoot() != null ? context.getRunAsNonRoot()
                        : podContext == null ? null : podContext.getRunAsNonRoot();
                Long user = context != null && context.getRunAsUser() != null ? context.getRunAsUser()
                        : podContext == null ? null : podContext.getRunAsUser();
                if (!Boolean.TRUE.equals(runAsNonRoot)) {
                    violations.add("non-root: " + name(deployment) + "/" + c.getName() + ": runAsNonRoot must be true");
                }
                if (user != null && user == 0) {
                    violations.add("non-root: " + name(deployment) + "/" + c.getName() + ": runAsUser 0");
                }
            }
        }
        return violations;
    }

    static List<String> readOnlyRoot(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            for (Container c : pod(deployment).getContainers()) {
                SecurityContext context = c.getSecurityContext();
                if (context == null || !Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    violations.add("read-only-root: " + name(deployment) + "/" + c.getName()
                            + ": readOnlyRootFilesystem must be true");
                }
            }
        }
        return violations;
    }

    static List<String> privileges(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            PodSpec pod = pod(deployment);
            String seccomp = pod.getSecurityContext() == null || pod.getSecurityContext().getSeccompProfile() == null
                    ? null : pod.getSecurityContext().getSeccompProfile().getType();
            if (!"RuntimeDefault".equals(seccomp)) {
                violations.add("privileges: " + name(deployment) + ": seccompProfile must be RuntimeDefault");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add("privileges: " + name(deployment) + ": automountServiceAccountToken must be false");
            }
            for (Container c : pod.getContainers()) {
                SecurityContext context = c.getSecurityContext();
                String where = "privileges: " + name(deployment) + "/" + c.getName();
                if (context == null || !Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": allowPrivilegeEscalation must be false");
                }
                if (context != null && Boolean.TRUE.equals(context.getPrivileged())) {
                    violations.add(where + ": privileged");
                }
                if (context == null || context.getCapabilities() == null
                        || !context.getCapabilities().getDrop().contains("ALL")
                        || !context.getCapabilities().getAdd().isEmpty()) {
                    violations.add(where + ": capabilities must drop ALL and add none");
                }
            }
        }
        return violations;
    }

    static List<String> imagePinned(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            for (Container c : pod(deployment).getContainers()) {
                if (!pinned(c.getImage())) {
                    violations.add("image-pinned: " + name(deployment) + "/" + c.getName() + ": image '" + c.getImage()
                            + "' needs a version tag or a digest, never 'latest'");
                }
            }
        }
        for (GenericKubernetesResource cluster : clusters(resources)) {
            Object image = spec(cluster).get("imageName");
            if (image != null && !pinned(image.toString())) {
                violations.add("image-pinned: " + name(cluster) + ": imageName '" + image + "'");
            }
        }
        return violations;
    }

    /** A digest, or a tag other than {@code latest}. */
    static boolean pinned(String image) {
        if (image == null) {
            return false;
        }
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.isBlank() && !tag.equalsIgnoreCase("latest");
    }

    static List<String> limits(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            for (Container c : pod(deployment).getContainers()) {
                Map<String, Quantity> limits = c.getResources() == null ? Map.of() : c.getResources().getLimits();
                Map<String, Quantity> requests = c.getResources() == null ? Map.of() : c.getResources().getRequests();
                for (String resource : List.of("cpu", "memory")) {
                    if (limits == null || !limits.containsKey(resource)) {
                        violations.add("limits: " + name(deployment) + "/" + c.getName() + ": no " + resource + " limit");
                    }
                    if (requests == null || !requests.containsKey(resource)) {
                        violations.add("limits: " + name(deployment) + "/" + c.getName() + ": no " + resource + " request");
                    }
                }
            }
        }
        return violations;
    }

    static List<String> replicas(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        List<Deployment> deployments = of(resources, Deployment.class);
        if (deployments.isEmpty()) {
            violations.add("replicas: no Deployment");
        }
        for (Deployment deployment : deployments) {
            Integer replicas = deployment.getSpec().getReplicas();
            if (replicas == null || replicas < 2) {
                violations.add("replicas: " + name(deployment) + ": replicas " + replicas + ", at least 2 wanted");
            }
            List<HorizontalPodAutoscaler> autoscalers = of(resources, HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && name(deployment).equals(h.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (autoscalers.isEmpty()) {
                violations.add("replicas: " + name(deployment) + ": no HorizontalPodAutoscaler");
            }
            for (HorizontalPodAutoscaler hpa : autoscalers) {
                Integer min = hpa.getSpec().getMinReplicas();
                if (min == null || min < 2 || hpa.getSpec().getMaxReplicas() < min) {
                    violations.add("replicas: " + name(hpa) + ": minReplicas " + min + ", at least 2 wanted");
                }
            }
        }
        return violations;
    }

    static List<String> podDisruptionBudget(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean covered = of(resources, PodDisruptionBudget.class).stream()
                    .anyMatch(pdb -> selects(pdb.getSpec().getSelector(), labels)
                            && (pdb.getSpec().getMinAvailable() != null || pdb.getSpec().getMaxUnavailable() != null));
            if (!covered) {
                violations.add("pdb: " + name(deployment) + ": no PodDisruptionBudget selects its pods");
            }
        }
        return violations;
    }

    /** A policy that selects the node's pods, is of both types and allows nothing. */
    static List<String> defaultDeny(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean denied = of(resources, NetworkPolicy.class).stream()
                    .anyMatch(np -> selects(np.getSpec().getPodSelector(), labels)
                            && np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                            && np.getSpec().getIngress().isEmpty() && np.getSpec().getEgress().isEmpty());
            if (!denied) {
                violations.add("default-deny: " + name(deployment)
                        + ": no NetworkPolicy denies all ingress and egress of its pods by default");
            }
        }
        return violations;
    }

    /**
     * Every rule of a policy on the node's pods names its peers: ingress only from the ingress
     * controller's namespace or peer nodes' address blocks; egress only to DNS, the node's database
     * and address blocks (peers, identity provider). An empty peer list, a bare namespace or pod
     * selector and 0.0.0.0/0 all mean "anyone".
     */
    static List<String> allowedPeers(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : of(resources, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            for (NetworkPolicy np : of(resources, NetworkPolicy.class)) {
                if (!selects(np.getSpec().getPodSelector(), labels)) {
                    continue;
                }
                String where = "allowed-peers: " + name(np);
                np.getSpec().getIngress().forEach(rule -> {
                    if (rule.getFrom().isEmpty()) {
                        violations.add(where + ": an ingress rule from anywhere");
                    }
                    rule.getFrom().forEach(peer -> check(peer, where + ": ingress from ", true, violations));
                    if (rule.getPorts().isEmpty()) {
                        violations.add(where + ": an ingress rule on every port");
                    }
                });
                np.getSpec().getEgress().forEach(rule -> {
                    if (rule.getTo().isEmpty()) {
                        violations.add(where + ": an egress rule to anywhere");
                    }
                    rule.getTo().forEach(peer -> check(peer, where + ": egress to ", false, violations));
                    if (rule.getPorts().isEmpty()) {
                        violations.add(where + ": an egress rule on every port");
                    }
                });
            }
        }
        return violations;
    }

    private static void check(NetworkPolicyPeer peer, String where, boolean ingress, List<String> violations) {
        IPBlock block = peer.getIpBlock();
        if (block != null) {
            if (block.getCidr().endsWith("/0")) {
                violations.add(where + block.getCidr() + " (anyone)");
            }
            return;
        }
        String namespace = peer.getNamespaceSelector() == null ? null
                : peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
        Map<String, String> pods = peer.getPodSelector() == null ? Map.of() : peer.getPodSelector().getMatchLabels();
        boolean allowed;
        if (ingress) {
            allowed = INGRESS_NAMESPACE.equals(namespace);
        } else if (namespace != null) {
            allowed = DNS_NAMESPACE.equals(namespace) && "kube-dns".equals(pods.get("k8s-app"));
        } else {
            allowed = peer.getNamespaceSelector() == null && DATABASE_CLUSTER.equals(pods.get("cnpg.io/cluster"));
        }
        if (!allowed) {
            violations.add(where + "namespace " + namespace + ", pods " + pods);
        }
    }

    /** The base holds no secret value: Secrets come from the overlays' generators or from outside. */
    static List<String> secretsInBase(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        for (Secret secret : of(resources, Secret.class)) {
            if (!secret.getData().isEmpty() || !secret.getStringData().isEmpty()) {
                violations.add("secrets-in-base: " + name(secret) + ": a Secret with its values in the base");
            }
        }
        return violations;
    }

    /**
     * An overlay runs a CloudNativePG cluster of at least three instances and the node connects to
     * its read-write service {@code <cluster>-rw}.
     */
    static List<String> database(List<HasMetadata> resources) {
        List<String> violations = new ArrayList<>();
        List<GenericKubernetesResource> clusters = clusters(resources);
        if (clusters.size() != 1) {
            violations.add("database: " + clusters.size() + " CloudNativePG clusters, one wanted");
            return violations;
        }
        GenericKubernetesResource cluster = clusters.get(0);
        Object instances = spec(cluster).get("instances");
        if (!(instances instanceof Number n) || n.intValue() < 3) {
            violations.add("database: " + name(cluster) + ": instances " + instances + ", at least 3 wanted");
        }
        String url = datasourceUrl(resources);
        String host = url == null ? null : URI.create(url.substring("jdbc:".length())).getHost();
        if (!Objects.equals(name(cluster) + "-rw", host)) {
            violations.add("database: spring.datasource.url " + url + " does not name " + name(cluster) + "-rw");
        }
        return violations;
    }

    /** spring.datasource.url of the node's application.yml in the gateway-config ConfigMap. */
    static String datasourceUrl(List<HasMetadata> resources) {
        for (ConfigMap map : of(resources, ConfigMap.class)) {
            String yaml = map.getData().get("application.yml");
            if (yaml != null) {
                JsonNode config = Kustomize.YAML.readTree(yaml);
                JsonNode url = config.path("spring").path("datasource").path("url");
                return url.isMissingNode() ? null : url.asString();
            }
        }
        return null;
    }

    static List<GenericKubernetesResource> clusters(List<HasMetadata> resources) {
        return of(resources, GenericKubernetesResource.class).stream()
                .filter(r -> "postgresql.cnpg.io/v1".equals(r.getApiVersion()) && "Cluster".equals(r.getKind()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static <T extends HasMetadata> List<T> of(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static String name(HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    private static boolean httpGet(Probe probe, String path) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        return get != null && path.equals(get.getPath());
    }

    /** Whether a selector with only matchLabels selects pods with these labels. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        if (!selector.getMatchExpressions().isEmpty()) {
            return false;
        }
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }
}
