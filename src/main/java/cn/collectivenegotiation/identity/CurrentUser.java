package cn.collectivenegotiation.identity;

import java.util.List;

/** The person behind a request, with the Camunda groups that decide what they may see and do. */
public record CurrentUser(String userId, List<String> groupIds) {

  public static final String ADMIN_GROUP = "camunda-admin";
  public static final String CITY_UNION = "city-union";
  public static final String CITY_LABOUR_BUREAU = "city-labour-bureau";

  public boolean inAny(List<String> groups) {
    return groups.stream().anyMatch(groupIds::contains);
  }

  public boolean in(String group) {
    return groupIds.contains(group);
  }
}
