package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.RegionalOffers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * A random but seeded life of offers driven through the real engine, day by day, for checking the kept campaign
 * table against the recount ({@link TallyCheck}) on any database: single offers and regional ones covering
 * enterprises that other regional offers cover too, in three units whose few enterprises get several offers;
 * answers in time and late, refusals found just or not, deadlines passing (rectification), petitions to the labour
 * bureau and its orders, contracts signed renewed and new, offers withdrawn. One campaign is started before the
 * offers, another in the middle, over a period that already holds offers. Then offers of one unit started and
 * answered from many threads at once, and several starts in one transaction.
 */
public final class OfferMix {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String[] UNITS = {"SHIZHONG", "SHAWAN", "MUCHUAN"};

  private final ProcessEngine engine;
  private final CampaignStatistics statistics;
  private final Campaigns campaigns;
  private final Random random;
  /** The offers' collective-offer instances, and whether each is a regional one's chain. */
  private final List<String> chains = new ArrayList<>();
  private final Map<String, Boolean> regional = new HashMap<>();
  public final List<Campaign> started = new ArrayList<>();
  public int checks;
  /** The most offers overdue in one campaign's table at one check. */
  long mostOverdue;

  public OfferMix(ProcessEngine engine, CampaignStatistics statistics, Campaigns campaigns, long seed) {
    this.engine = engine;
    this.statistics = statistics;
    this.campaigns = campaigns;
    this.random = new Random(seed);
  }

  static void now(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(SHANGHAI).toInstant()));
  }

  /** Days from {@code first}: a campaign over {@code first + 9 .. first + 39} started on day 0, one over {@code first + 24 .. first + 54} on day 60. */
  public void run(LocalDate first) {
    now(first, 9);
    started.add(startCampaign("甲", first.plusDays(9), first.plusDays(39)));
    for (int day = 0; day < 90; day++) {
      LocalDate today = first.plusDays(day);
      now(today, 10);
      if (day < 60) {
        for (int i = random.nextInt(4); i > 0; i--) {
          send(today.minusDays(random.nextInt(3)));
        }
      }
      for (int i = 0; i < 4; i++) {
        act();
      }
      executeDueJobs();
      if (day == 60) {
        started.add(startCampaign("乙", first.plusDays(24), first.plusDays(54)));
      }
      if (day % 7 == 3) {
        checkAll();
      }
    }
    checkAll();
  }

  /** Every campaign, at the engine's time, 10 days before and 30 days after it (逾期未应约 moves with it). */
  public void checkAll() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (Campaign campaign : started) {
      for (Instant at : List.of(now, now.minusSeconds(10 * 86_400), now.plusSeconds(30 * 86_400))) {
        mostOverdue = Math.max(mostOverdue, TallyCheck.agree(statistics, campaign, at).city().overdue());
        checks++;
      }
    }
  }

  Campaign startCampaign(String name, LocalDate start, LocalDate end) {
    String id = engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
        "campaignName", start.getYear() + "年度集中要约月（" + name + "）", "startDate", start.toString(),
        "endDate", end.toString(), "reportDeadline", end.plusDays(2).toString(), "targetRate", 0.92)).getBusinessKey();
    return campaigns.find(id).orElseThrow();
  }

  /** An enterprise of a unit: few per unit, so that several offers reach the same one. */
  int enterprise(int unit, int base) {
    return base + unit * 100 + random.nextInt(5);
  }

  void send(LocalDate date) {
    int unit = random.nextInt(UNITS.length);
    if (random.nextInt(4) == 0) {
      int association = enterprise(unit, 9_000);
      StringBuilder covered = new StringBuilder("[");
      int count = 2 + random.nextInt(3);
      List<Integer> codes = new ArrayList<>();
      while (codes.size() < count) {
        int code = enterprise(unit, 9_500);
        if (!codes.contains(code)) {
          codes.add(code);
        }
      }
      for (int code : codes) {
        covered.append(covered.length() == 1 ? "" : ",").append("{\"creditCode\":\"").append(Offers.creditCode(code))
            .append("\",\"enterpriseName\":\"区域企业").append(code).append("\",\"workforce\":")
            .append(20 + random.nextInt(300)).append("}");
      }
      Map<String, Object> offer = new HashMap<>(Map.of("creditCode", Offers.creditCode(association),
          "enterpriseName", "行业协会" + association, "reportingUnit", UNITS[unit], "topics", "[\"WAGE_FLOOR\"]",
          "offerDate", date.toString(), "coveredEnterprises", covered.append("]").toString()));
      String wrapper = engine.getRuntimeService().startProcessInstanceByKey(RegionalOffers.KEY, offer).getId();
      String chain = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(wrapper)
          .singleResult().getId();
      chains.add(chain);
      regional.put(chain, true);
    } else {
      String chain = engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
          Offers.unionOffer(date.toString(), enterprise(unit, 8_000), UNITS[unit], 10 + random.nextInt(500))).getId();
      chains.add(chain);
      regional.put(chain, false);
    }
  }

  /** One step of a random open offer, as the person whose task it is would take it. */
  void act() {
    if (chains.isEmpty()) {
      return;
    }
    String chain = chains.get(random.nextInt(chains.size()));
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(chain).list();
    if (open.isEmpty()) {
      return;
    }
    if (!regional.get(chain) && random.nextInt(30) == 0) {
      engine.getRuntimeService().deleteProcessInstance(chain, "要约方撤回");
      return;
    }
    Task task = open.get(random.nextInt(open.size()));
    Map<String, Object> values = values(task.getTaskDefinitionKey());
    if (values != null) {
      engine.getTaskService().complete(task.getId(), values);
    }
  }

  Map<String, Object> values(String taskKey) {
    String today = LegalTime.today().toString();
    return switch (taskKey) {
      case "respondToOffer" -> random.nextInt(3) == 0
          ? Map.of("responseDecision", "REFUSE", "refusalReason", "企业经营困难，暂不协商")
          : Map.of("responseDecision", "ACCEPT", "proposedNegotiationDate", LegalTime.today().plusDays(10).toString());
      case "reviewRefusal" -> Map.of("refusalJustified", random.nextBoolean(), "reviewOpinion", "经审查");
      case "issueRectificationNotice" -> Map.of("rectificationKind", "NOTICE",
          "rectificationPartner", "ENTERPRISE_ASSOCIATION", "rectificationRequirements", "限期书面应约并开展集体协商",
          "rectificationDays", 15);
      case "petitionLabourBureau" -> Map.of("petitionReason", "企业拒不回应，请求责令改正");
      case "orderCorrection" -> Map.of("correctionRequirements", "责令十日内开展集体协商", "correctionDays", 10);
      case "nameUnionRepresentatives" -> Map.of("unionChiefRepresentative", "王主席",
          "unionRepresentatives", "李代表\n张代表");
      case "nameEnterpriseRepresentatives" -> Map.of("enterpriseChiefRepresentative", "赵总经理",
          "enterpriseRepresentatives", "钱经理\n孙经理");
      case "recordNegotiationRound" -> Map.of("roundDate", today, "roundPlace", "公司会议室",
          "roundSummary", "就工资调整进行协商", "roundOutcome", "AGREED");
      case "recordCongressVote" -> Map.of("congressKind", "REPRESENTATIVES", "congressDate", today,
          "congressTotal", 30, "congressPresent", 25, "congressInFavour", 20);
      case "signContract" -> Map.of("contractKind", random.nextBoolean() ? "RENEWED" : "NEW",
          "contractType", "COMPREHENSIVE", "signedDate", today, "termYears", 3,
          "coveredWorkers", 10 + random.nextInt(400));
      default -> null; // the steps after signing change nothing the table counts
    };
  }

  void executeDueJobs() {
    List<Job> due;
    while (!(due = engine.getManagementService().createJobQuery().duedateLowerThan(ClockUtil.getCurrentTime())
        .processDefinitionKey(OfferProcess.KEY).list()).isEmpty()) {
      due.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
  }

  /**
   * {@code threads} threads each start {@code each} offers of one unit dated {@code date} to the same few
   * enterprises, then answer them, all at once; then the campaigns must still agree.
   */
  public void concurrently(LocalDate date, int threads, int each) throws Exception {
    // the registry registers an enterprise at its first offer, which two first offers at once would both try
    for (int code = 8_700; code < 8_703; code++) {
      engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
          Offers.unionOffer(date.toString(), code, UNITS[0], 100));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> started = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        started.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            ids.add(engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
                Offers.unionOffer(date.toString(), 8_700 + (thread + i) % 3, UNITS[0], 100)).getId());
          }
          return ids;
        }));
      }
      List<Future<?>> answered = new ArrayList<>();
      for (Future<List<String>> ids : started) {
        List<String> mine = ids.get();
        answered.add(pool.submit(() -> {
          for (String id : mine) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(id)
                .taskDefinitionKey("respondToOffer").singleResult();
            engine.getTaskService().complete(task.getId(), Map.of("responseDecision", "ACCEPT",
                "proposedNegotiationDate", LegalTime.today().plusDays(10).toString()));
          }
          return null;
        }));
      }
      for (Future<?> f : answered) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    checkAll();
  }
}
