package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.offer.ReportingUnit;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An enterprise of the registry (企业名录), as an officer's spreadsheet describes it: who it is, which
 * reporting unit answers for it, and the situation the decision tables read ({@code key-target},
 * {@code negotiation-topics}). {@code updatedAt} and {@code updatedBy} are stamped by the registry on
 * every save; whatever a caller puts there is replaced.
 */
public record Enterprise(
    String creditCode,
    String name,
    ReportingUnit reportingUnit,
    String industry,
    int workforce,
    Integer womenWorkers,
    boolean unionPresent,
    boolean collectiveContract,
    boolean specialContract,
    LocalDate contractEndDate,
    boolean minimumWagePay,
    boolean tenseRelations,
    boolean inDifficulty,
    boolean restructuring,
    boolean severeHazards,
    Instant updatedAt,
    String updatedBy) {

  /** Share of women among the workers, 0 when not known: what the women-workers topic looks at. */
  public double womenWorkerShare() {
    return womenWorkers == null ? 0 : (double) womenWorkers / workforce;
  }
}
