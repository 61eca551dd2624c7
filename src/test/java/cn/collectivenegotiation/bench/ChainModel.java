package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * The two models the benchmarks drive alike: the product ({@code collective-offer}, with its listeners,
 * DMN, read model and grants) and the bare model of the same shape ({@code bare-offer}, the same ids,
 * wait states, timers and gateways, nothing else; src/test/resources/bench/bare-offer.bpmn20.xml). A step
 * takes the form's values; for the bare model the driver also gives what the product's listeners would
 * compute (due dates, the vote's finding), so both walk the same paths.
 */
enum ChainModel {
  PRODUCT(OfferProcess.KEY),
  BARE("bare-offer");

  static final String BARE_RESOURCE = "bench/bare-offer.bpmn20.xml";

  final String key;

  ChainModel(String key) {
    this.key = key;
  }

  static Deployment deployBare(ProcessEngine engine) {
    return engine.getRepositoryService().createDeployment().name("bench: bare-offer")
        .addClasspathResource(BARE_RESOURCE).enableDuplicateFiltering(true).deploy();
  }

  /** Offer number n, sent on offerDate (the engine's today or earlier). */
  Map<String, Object> offer(int n, LocalDate offerDate) {
    ReportingUnit[] units = ReportingUnit.values();
    Map<String, Object> offer = Offers.unionOffer(offerDate.toString(), n % 100_000, units[n % units.length].name(),
        20 + n % 500);
    if (this == BARE) {
      Instant due = offerDate.plusDays(21).atStartOfDay(LegalTime.zone()).toInstant();
      offer.put("responseDueAt", Date.from(due));
      offer.put("responseReminderAt", Date.from(due.minus(Duration.ofDays(3))));
    }
    return offer;
  }

  /** The values the person completing {@code taskKey} gives (and, for the bare model, what listeners add). */
  Map<String, Object> step(String taskKey) {
    LocalDate today = LegalTime.today();
    Map<String, Object> v = new HashMap<>(switch (taskKey) {
      case "respondAccept" -> Map.of("responseDecision", "ACCEPT", "proposedNegotiationDate", today.plusDays(10).toString());
      case "respondRefuse" -> Map.of("responseDecision", "REFUSE", "refusalReason", "企业经营困难，暂不协商");
      case "reviewJustified" -> Map.of("refusalJustified", true, "reviewOpinion", "理由属实");
      case "petitionLabourBureau" -> Map.of("petitionReason", "企业拒不回应，请求责令改正");
      case "issueRectificationNotice" -> Map.of("rectificationKind", "NOTICE",
          "rectificationPartner", "ENTERPRISE_ASSOCIATION", "rectificationRequirements", "限期书面应约并开展集体协商",
          "rectificationDays", 15);
      case "nameUnionRepresentatives" -> Map.of("unionChiefRepresentative", "王主席", "unionRepresentatives", "李代表\n张代表");
      case "nameEnterpriseRepresentatives" -> Map.of("enterpriseChiefRepresentative", "赵总经理",
          "enterpriseRepresentatives", "钱经理\n孙经理");
      case "recordNegotiationRound" -> Map.of("roundDate", today.toString(), "roundPlace", "公司会议室",
          "roundSummary", "就工资调整进行协商", "roundOutcome", "AGREED");
      case "recordCongressVote" -> Map.of("congressKind", "REPRESENTATIVES", "congressDate", today.toString(),
          "congressTotal", 30, "congressPresent", 25, "congressInFavour", 20);
      case "signContract" -> Map.of("contractKind", "NEW", "contractType", "COMPREHENSIVE",
          "signedDate", today.toString(), "termYears", 3, "coveredWorkers", 120);
      case "submitForFiling" -> Map.of("filingDate", today.toString());
      case "reviewContract" -> Map.of("reviewDecision", "NO_OBJECTION");
      default -> throw new IllegalArgumentException(taskKey);
    });
    if (this == BARE) {
      Instant now = today.atStartOfDay(LegalTime.zone()).toInstant();
      switch (taskKey) {
        case "issueRectificationNotice" -> v.put("rectificationDueAt", Date.from(now.plus(Duration.ofDays(16))));
        case "recordCongressVote" -> v.put("congressPassed", true);
        case "signContract" -> {
          v.put("renewalPromptAt", Date.from(now.plus(Duration.ofDays(3 * 365 - 90))));
          v.put("filingDueAt", Date.from(now.plus(Duration.ofDays(11))));
          v.put("filingReminderAt", Date.from(now.plus(Duration.ofDays(8))));
        }
        case "submitForFiling" -> {
          v.put("reviewDueAt", Date.from(now.plus(Duration.ofDays(16))));
          v.put("reviewReminderAt", Date.from(now.plus(Duration.ofDays(13))));
        }
        default -> { }
      }
    }
    return v;
  }
}
