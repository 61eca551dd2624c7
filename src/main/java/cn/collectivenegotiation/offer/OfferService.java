package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.input.FormInput;
import cn.collectivenegotiation.identity.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;

/** Sends an offer for a person: starts {@code collective-offer} as that person. */
@Service
public class OfferService {

  /** The fields {@code POST /api/offers} takes; anything else is a mistake worth naming. */
  static final Set<String> FIELDS = Set.of(OfferVariables.OFFEROR_SIDE, OfferVariables.ON_BEHALF,
      OfferVariables.CREDIT_CODE, OfferVariables.ENTERPRISE_NAME, OfferVariables.REPORTING_UNIT,
      OfferVariables.WORKFORCE, OfferVariables.TOPICS, OfferVariables.OFFER_DATE, OfferVariables.DELIVERY_DATE,
      OfferVariables.DELIVERY_METHOD, OfferVariables.OFFER_CONTENT, OfferVariables.OFFER_KIND,
      OfferVariables.COVERED_ENTERPRISES);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ObjectMapper json;

  public OfferService(RuntimeService runtimeService, IdentityService identityService,
      ObjectMapper json) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.json = json;
  }

  public record Sent(String offerNumber, String processInstanceId) {}

  public Sent send(Map<String, Object> body, CurrentUser user) {
    FormInput in = new FormInput(body);
    body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
        .forEach(k -> in.reject(k, "未知字段 (unknown field; allowed: " + FIELDS.stream().sorted().toList() + ")"));
    in.throwIfInvalid();
    // the start listener (OfferRegistration) checks the offer and whether this user may send it
    identityService.setAuthentication(user.userId(), user.groupIds());
    try {
      // a regional offer runs the same chain inside regional-offer, which adds the secondary negotiations
      String key = OfferKind.REGIONAL.name().equals(body.get(OfferVariables.OFFER_KIND)) ? RegionalOffers.KEY : OfferProcess.KEY;
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(key, engineValues(body));
      // the start listener made the offer number the business key
      return new Sent(instance.getBusinessKey(), instance.getId());
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * Lists go to the engine as JSON values, the type the start listener stores them in (the validator reads them
   * as it reads Tasklist's checklist): a list given already in its normalised form is then written once, not
   * first as text and again as JSON.
   */
  private Map<String, Object> engineValues(Map<String, Object> body) {
    Map<String, Object> values = new LinkedHashMap<>();
    body.forEach((k, v) -> {
      try {
        values.put(k, v instanceof Iterable<?> || v instanceof Map<?, ?> ? Spin.JSON(json.writeValueAsString(v)) : v);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    });
    return values;
  }
}
