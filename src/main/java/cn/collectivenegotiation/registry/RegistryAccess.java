package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which reporting units' enterprises a person may import or read. The city union (and the
 * administrator) keeps the whole registry; a unit's union keeps its own unit's enterprises. Reading
 * is wider: the city labour bureau reads all, a unit's labour bureau its unit.
 */
public final class RegistryAccess {

  private RegistryAccess() {}

  public static Set<ReportingUnit> importable(CurrentUser user) {
    if (user.in(CurrentUser.CITY_UNION) || user.in(CurrentUser.ADMIN_GROUP)) {
      return EnumSet.allOf(ReportingUnit.class);
    }
    Set<ReportingUnit> units = EnumSet.noneOf(ReportingUnit.class);
    for (ReportingUnit unit : ReportingUnit.values()) {
      if (user.in(unit.unionGroup())) {
        units.add(unit);
      }
    }
    return units;
  }

  public static Set<ReportingUnit> readable(CurrentUser user) {
    if (user.in(CurrentUser.CITY_LABOUR_BUREAU)) {
      return EnumSet.allOf(ReportingUnit.class);
    }
    Set<ReportingUnit> units = EnumSet.noneOf(ReportingUnit.class);
    units.addAll(importable(user));
    for (ReportingUnit unit : ReportingUnit.values()) {
      if (user.in(unit.labourBureauGroup())) {
        units.add(unit);
      }
    }
    return units;
  }
}
