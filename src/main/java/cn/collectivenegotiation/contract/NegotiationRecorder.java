package cn.collectivenegotiation.contract;

import cn.collectivenegotiation.input.FormInput;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The negotiation's steps, checked on the server as each task completes: the representatives, the
 * rounds, a break-off, and the workers' congress vote. BPMN: {@code ${negotiation.round(task)}}.
 */
@Component("negotiation")
public class NegotiationRecorder {

  /** 《集体合同规定》第十九条: 每方至少3人. */
  static final int MIN_REPRESENTATIVES = 3;

  /** The outcome of a negotiation round. */
  public enum RoundOutcome { AGREED, CONTINUE, BROKEN_OFF, DISPUTE }

  /** The upper union's decision on a break-off. */
  public enum BreakOffDecision { RESUME, CLOSE }

  /** Who voted on the draft: the workers' congress or all workers. */
  public enum CongressKind { REPRESENTATIVES, ALL_WORKERS }

  /**
   * A side's representatives: a chief and the others, one per line; at least three in all, and as
   * many as the other side when it has named its own (《集体合同规定》第十九、二十条: 人数对等).
   */
  public void representatives(DelegateTask task, String side) {
    FormInput in = new FormInput(task.getVariables());
    String label = side.equals("union") ? "工会方" : "企业方";
    String chief = in.text(side + "ChiefRepresentative", label + "首席代表", true, 50);
    String others = in.text(side + "Representatives", label + "其他代表", true, 2000);
    int count = 0;
    if (chief != null && others != null) {
      count = 1 + (int) Arrays.stream(others.split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).count();
      if (count < MIN_REPRESENTATIVES) {
        in.reject(side + "Representatives", label + "代表连同首席代表至少" + MIN_REPRESENTATIVES + "人，现为" + count
            + "人 (at least " + MIN_REPRESENTATIVES + " representatives per side)");
      }
      String other = side.equals("union") ? "enterprise" : "union";
      Object otherCount = task.getVariable(other + "RepresentativeCount");
      if (otherCount instanceof Integer n && n != count) {
        in.reject(side + "Representatives", "双方代表人数应相等：对方为" + n + "人，本方为" + count
            + "人 (both sides need the same number of representatives)");
      }
    }
    in.throwIfInvalid();
    task.setVariable(side + "RepresentativeCount", count);
  }

  public void round(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.dateUpToToday("roundDate", "会议日期", true);
    in.text("roundPlace", "地点", true, 200);
    in.text("roundSummary", "协商情况", true, 4000);
    in.choice("roundOutcome", "本次结果", RoundOutcome.class, true);
    in.throwIfInvalid();
    Object rounds = task.getVariable("negotiationRounds");
    task.setVariable("negotiationRounds", rounds instanceof Integer n ? n + 1 : 1);
  }

  public void breakOff(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.choice("breakOffDecision", "处理意见", BreakOffDecision.class, true);
    in.text("breakOffOpinion", "说明", true, 4000);
    in.throwIfInvalid();
  }

  /**
   * 《集体合同规定》第三十六条: at least two thirds present, and more than half of all in favour.
   * The finding is the server's ({@code congressPassed}), never the form's.
   */
  public void congressVote(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.choice("congressKind", "审议方式", CongressKind.class, true);
    in.dateUpToToday("congressDate", "审议日期", true);
    Integer total = in.integer("congressTotal", "应到人数", true, 1, 1_000_000);
    Integer present = in.integer("congressPresent", "实到人数", true, 0, 1_000_000);
    Integer inFavour = in.integer("congressInFavour", "同意人数", true, 0, 1_000_000);
    if (total != null && present != null && present > total) {
      in.reject("congressPresent", "实到人数不能多于应到人数 (more present than members)");
    }
    if (present != null && inFavour != null && inFavour > present) {
      in.reject("congressInFavour", "同意人数不能多于实到人数 (more in favour than present)");
    }
    in.throwIfInvalid();
    task.setVariable("congressPassed", passes(total, present, inFavour));
  }

  static boolean passes(int total, int present, int inFavour) {
    return 3L * present >= 2L * total && 2L * inFavour > total;
  }
}
