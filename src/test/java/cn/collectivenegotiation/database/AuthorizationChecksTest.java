package cn.collectivenegotiation.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.campaign.CampaignProcess;
import cn.collectivenegotiation.identity.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Authorization checks with the person's own groups give the answers Camunda's own narrowing gives. */
@ProductTest
class AuthorizationChecksTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizationService;

  private AuthorizationManager managerInACommand() {
    return engine.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
  }

  @Test
  @DisplayName("授权检查按本人所在组进行，不再每次读取全部组")
  void checksWithThePersonsOwnGroups() {
    AuthorizationManager manager = managerInACommand();
    assertThat(manager).isInstanceOf(AuthorizationChecks.GroupsAsGiven.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("union-shizhong", "group-without-grants", "union-shizhong")))
        .containsExactly("union-shizhong", "group-without-grants");
    assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
  }

  @Test
  @DisplayName("市总工会可以发起集中要约月，其他组不能；组很多时也一样")
  void sameAnswersWithFewAndWithManyGroups() {
    List<String> manyWithoutGrants = new ArrayList<>(IntStream.range(0, AuthorizationChecks.GROUPS_CHECKED_AS_GIVEN + 20)
        .mapToObj(i -> "imported-group-" + i).toList());
    List<String> manyWithTheUnit = new ArrayList<>(manyWithoutGrants);
    manyWithTheUnit.add(CurrentUser.CITY_UNION);

    assertThat(mayStartACampaign(List.of("group-without-grants", CurrentUser.CITY_UNION))).isTrue();
    assertThat(mayStartACampaign(List.of("group-without-grants", "union-shizhong"))).isFalse();
    assertThat(mayStartACampaign(manyWithTheUnit)).isTrue();
    assertThat(mayStartACampaign(manyWithoutGrants)).isFalse();
  }

  private boolean mayStartACampaign(List<String> groups) {
    return authorizationService.isUserAuthorized("someone-new", groups, Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, CampaignProcess.KEY);
  }
}
