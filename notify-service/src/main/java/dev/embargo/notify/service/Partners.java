package dev.embargo.notify.service;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.SessionContexts;
import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.config.WebhookConfig;
import dev.embargo.notify.domain.EndpointAddress;
import dev.embargo.notify.domain.HostResolver;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.WebhookEndpoint;
import dev.embargo.notify.domain.WebhookSignature;
import dev.embargo.notify.repository.PartnerRepository;
import dev.embargo.notify.repository.WebhookEndpointRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The partner registry: partners, the groups they belong to and programs they follow, and their
 * webhook endpoints. A signing secret is shown once, when it is issued; afterwards it is only ever
 * used to sign.
 */
@ApplicationScoped
public class Partners {

    private final PartnerRepository partners;
    private final WebhookEndpointRepository endpoints;
    private final FieldCipher cipher;
    private final WebhookConfig config;
    private final HostResolver resolver;

    Partners(
            PartnerRepository partners,
            WebhookEndpointRepository endpoints,
            FieldCipher cipher,
            WebhookConfig config,
            HostResolver resolver) {
        this.partners = partners;
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.config = config;
        this.resolver = resolver;
    }

    public Uni<Partner> register(
            String name, String contactEmail, List<String> groups, List<String> programs) {
        Partner partner = new Partner();
        partner.id = TimeOrderedIds.next();
        partner.name = name.strip();
        partner.sealedContact = cipher.seal(contactEmail.strip());
        partner.groups = String.join(",", groups);
        partner.programs = String.join(",", programs);
        partner.createdAt = now();
        return Transactions.inTransaction(() -> partners.persist(partner));
    }

    public Uni<List<Partner>> all() {
        return Transactions.inSession(() -> partners.listAll(Sort.ascending("name")));
    }

    public Uni<Partner> find(UUID partnerId) {
        return Transactions.inSession(() -> partners.findById(partnerId))
                .map(found -> existing(found, "partner", partnerId));
    }

    public Uni<List<WebhookEndpoint>> endpointsOf(UUID partnerId) {
        return Transactions.inSession(
                () ->
                        partners.findById(partnerId)
                                .chain(
                                        found ->
                                                endpoints.list(
                                                        "partnerId",
                                                        Sort.ascending("createdAt"),
                                                        existing(found, "partner", partnerId).id)));
    }

    /**
     * Adds an endpoint after checking its URL against SSRF (off the event loop: it resolves the
     * host), and issues its first secret: returned here, and never again.
     */
    public Uni<IssuedSecret> addEndpoint(UUID partnerId, String url) {
        return checkedUrl(url)
                .chain(
                        checked ->
                                Transactions.inTransaction(
                                        () ->
                                                partners.findById(partnerId)
                                                        .chain(
                                                                found -> {
                                                                    existing(
                                                                            found, "partner",
                                                                            partnerId);
                                                                    String secret =
                                                                            WebhookSignature
                                                                                    .newSecret();
                                                                    WebhookEndpoint endpoint =
                                                                            new WebhookEndpoint();
                                                                    endpoint.id =
                                                                            TimeOrderedIds.next();
                                                                    endpoint.partnerId = partnerId;
                                                                    endpoint.url = checked;
                                                                    endpoint.enabled = true;
                                                                    endpoint.sealedSecret =
                                                                            cipher.seal(secret);
                                                                    endpoint.createdAt = now();
                                                                    return endpoints
                                                                            .persist(endpoint)
                                                                            .map(
                                                                                    saved ->
                                                                                            new IssuedSecret(
                                                                                                    endpoint,
                                                                                                    secret));
                                                                })));
    }

    /**
     * Issues a new secret; the previous one keeps signing (both signatures are sent) for the
     * configured overlap, so the partner can switch without losing a message.
     */
    public Uni<IssuedSecret> rotateSecret(UUID endpointId) {
        return Transactions.inTransaction(
                () ->
                        endpoints
                                .findById(endpointId)
                                .map(
                                        found -> {
                                            WebhookEndpoint endpoint =
                                                    existing(found, "webhook endpoint", endpointId);
                                            String secret = WebhookSignature.newSecret();
                                            endpoint.sealedPreviousSecret = endpoint.sealedSecret;
                                            endpoint.previousValidUntil =
                                                    now().plus(config.secretOverlap());
                                            endpoint.sealedSecret = cipher.seal(secret);
                                            return new IssuedSecret(endpoint, secret);
                                        }));
    }

    /** Enables or disables an endpoint; an enabled endpoint gets its waiting deliveries. */
    public Uni<WebhookEndpoint> setEnabled(UUID endpointId, boolean enabled) {
        return Transactions.inTransaction(
                () ->
                        endpoints
                                .findById(endpointId)
                                .map(
                                        found -> {
                                            WebhookEndpoint endpoint =
                                                    existing(found, "webhook endpoint", endpointId);
                                            endpoint.enabled = enabled;
                                            endpoint.disabledReason =
                                                    enabled ? null : "disabled by staff";
                                            return endpoint;
                                        }));
    }

    /** The secrets that sign now: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(WebhookEndpoint endpoint, OffsetDateTime at) {
        String current = cipher.open(endpoint.sealedSecret);
        if (endpoint.sealedPreviousSecret != null
                && endpoint.previousValidUntil != null
                && at.isBefore(endpoint.previousValidUntil)) {
            return List.of(current, cipher.open(endpoint.sealedPreviousSecret));
        }
        return List.of(current);
    }

    public String contactOf(Partner partner) {
        return cipher.open(partner.sealedContact);
    }

    /** The URL, once its address passed the SSRF checks; else 400 naming why. */
    Uni<String> checkedUrl(String url) {
        java.util.concurrent.Executor back = SessionContexts.current();
        return Uni.createFrom()
                .item(
                        () ->
                                EndpointAddress.check(
                                        url,
                                        resolver,
                                        config.allowHttp(),
                                        config.allowPrivateAddresses()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(back)
                .map(
                        check -> {
                            if (check instanceof EndpointAddress.Refused refused) {
                                throw new ProblemException(
                                        new Problem(
                                                "about:blank",
                                                "Bad Request",
                                                400,
                                                "The webhook URL is refused.",
                                                List.of(
                                                        new Problem.FieldError(
                                                                "url", refused.reason()))));
                            }
                            return url;
                        });
    }

    private static <T> T existing(T found, String what, UUID id) {
        if (found == null) {
            throw new ProblemException(
                    Problem.of(Response.Status.NOT_FOUND, "No " + what + " " + id + "."));
        }
        return found;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** An endpoint with a secret just issued: the only time the secret is shown. */
    public record IssuedSecret(WebhookEndpoint endpoint, String secret) {}
}
