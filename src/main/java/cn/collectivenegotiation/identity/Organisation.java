package cn.collectivenegotiation.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.collectivenegotiation.campaign.CampaignProcess;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.RegionalOffers;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing organisation every installation has (public contract groups), the grants that follow
 * from the notice, and the shared Tasklist filters. Idempotent: runs at every start, creates what is
 * missing, changes nothing an administrator set.
 *
 * <ul>
 *   <li>Everyone logged in may open Tasklist and send an offer; whom they may send it for is checked
 *       when it starts ({@code OfferRegistration}).</li>
 *   <li>A unit's union, labour bureau and negotiation instructors ({@code instructor-<unit>}) see their unit's
 *       offers (granted per offer) and open Cockpit; they work on the tasks whose candidates they are.</li>
 *   <li>The city union, the city labour bureau and the tripartite committee read every offer and its tasks,
 *       and open Cockpit; they change nothing but their own tasks.</li>
 *   <li>The enterprise association and the federation of industry and commerce read an offer once a
 *       rectification notice names them as the union's partner ({@code RectificationNoticeRecorder}).</li>
 *   <li>An enterprise's management and union ({@link EnterpriseGroups}) see their own offers and tasks.</li>
 *   <li>集中要约月: the city union starts and reviews it, and with the city labour bureau reads the campaign and
 *       every unit's report ({@code campaign-unit-report}); a unit's union reads only its own unit's report
 *       (granted per instance, {@code UnitReportAuthorization}).</li>
 * </ul>
 */
@Component
@Order(1)
public class Organisation implements ApplicationRunner {

  public static final String TRIPARTITE = "tripartite";
  public static final String ENTERPRISE_ASSOCIATION = "enterprise-association";
  public static final String INDUSTRY_COMMERCE_FEDERATION = "industry-commerce-federation";
  /** Who may read /actuator/prometheus and the health details (operations/ActuatorSecurity); sees no offer. */
  public static final String MONITORING = "monitoring";

  public static final String FILTER_MY_TASKS = "我的待办";
  public static final String FILTER_DUE_SOON = "即将到期";
  public static final String FILTER_OVERDUE = "已逾期";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public Organisation(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /** Every standing group with its Chinese name. */
  public static Map<String, String> standingGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(CurrentUser.CITY_UNION, "市总工会");
    groups.put(CurrentUser.CITY_LABOUR_BUREAU, "市人力资源和社会保障局");
    groups.put(ENTERPRISE_ASSOCIATION, "企业家协会");
    groups.put(INDUSTRY_COMMERCE_FEDERATION, "工商业联合会");
    groups.put(TRIPARTITE, "协调劳动关系三方（四家）");
    groups.put(MONITORING, "运维监控");
    for (ReportingUnit unit : ReportingUnit.values()) {
      groups.put(unit.unionGroup(), unit.chineseName() + "总工会");
      groups.put(unit.labourBureauGroup(), unit.chineseName() + "人社局");
      groups.put(unit.instructorGroup(), unit.chineseName() + "集体协商指导员");
    }
    return groups;
  }

  @Override
  public void run(ApplicationArguments args) {
    standingGroups().forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));

    grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantGlobal(Resources.PROCESS_DEFINITION, OfferProcess.KEY, Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    // a regional offer is the same chain, sent by a regional or industry union (checked as it starts)
    grantGlobal(Resources.PROCESS_DEFINITION, RegionalOffers.KEY, Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantGlobal(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    for (String supervisor : List.of(CurrentUser.CITY_UNION, CurrentUser.CITY_LABOUR_BUREAU, TRIPARTITE)) {
      for (String key : List.of(OfferProcess.KEY, RegionalOffers.KEY)) {
        // READ_TASK: the tasks of every offer in Cockpit, read-only (no UPDATE_TASK, no TASK_WORK)
        grantGroup(supervisor, Resources.PROCESS_DEFINITION, key, Permissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK);
      }
      grantGroup(supervisor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // the names of the groups on the tasks they read (Tasklist shows a group it may not read by its id)
      grantGroup(supervisor, Resources.GROUP, ANY, Permissions.READ);
    }
    for (ReportingUnit unit : ReportingUnit.values()) {
      for (String group : List.of(unit.unionGroup(), unit.labourBureauGroup(), unit.instructorGroup())) {
        grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      }
      grantGroup(unit.unionGroup(), Resources.PROCESS_DEFINITION, CampaignProcess.KEY, Permissions.READ);
      // the definition only (its name in Tasklist): each unit reads its own instance, granted as it starts
      grantGroup(unit.unionGroup(), Resources.PROCESS_DEFINITION, CampaignProcess.UNIT_REPORT_KEY, Permissions.READ);
    }
    // the city union runs the 集中要约月; the city labour bureau watches it; both read every unit's report
    grantGroup(CurrentUser.CITY_UNION, Resources.PROCESS_DEFINITION, CampaignProcess.KEY, Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    grantGroup(CurrentUser.CITY_LABOUR_BUREAU, Resources.PROCESS_DEFINITION, CampaignProcess.KEY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    for (String city : List.of(CurrentUser.CITY_UNION, CurrentUser.CITY_LABOUR_BUREAU)) {
      grantGroup(city, Resources.PROCESS_DEFINITION, CampaignProcess.UNIT_REPORT_KEY, Permissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    ensureFilters();
  }

  /** Creates the group; one that exists without a name (Tasklist would show its id) gets the Chinese name. */
  public void ensureGroup(String id, String name, String type) {
    Group g = identityService.createGroupQuery().groupId(id).singleResult();
    if (g == null) {
      g = identityService.newGroup(id);
      g.setName(name);
      g.setType(type);
      identityService.saveGroup(g);
    } else if (EnterpriseGroups.unnamed(g)) {
      g.setName(name);
      identityService.saveGroup(g);
    }
  }

  private void ensureFilters() {
    TaskQuery mine = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    ensureFilter(FILTER_MY_TASKS, -10, "#3a7bd5", "本人及本单位待办的全部任务", mine);
    TaskQuery dueSoon = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3)}");
    ensureFilter(FILTER_DUE_SOON, -9, "#e8a23b", "3日内到期的任务（法定期限将至）", dueSoon);
    TaskQuery overdue = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .dueBeforeExpression("${now()}");
    ensureFilter(FILTER_OVERDUE, -8, "#b5152b", "已超过期限仍未办理的任务", overdue);
  }

  private void ensureFilter(String name, int priority, String color, String description, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "offerNumber", "label", "要约编号"),
        Map.of("name", "enterpriseName", "label", "企业"),
        Map.of("name", "responseDeadline", "label", "应约期限")));
    Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
    filterService.saveFilter(filter);
    grantGlobal(Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization a = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
    save(a, resource, resourceId, permissions);
  }

  private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization a = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    save(a, resource, resourceId, permissions);
  }

  private void save(Authorization a, Resource resource, String resourceId, Permission... permissions) {
    if (a.getId() == null) {
      a.setResource(resource);
      a.setResourceId(resourceId);
      if (a.getAuthorizationType() == AUTH_TYPE_GLOBAL) {
        a.setUserId(ANY);
      }
    }
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizationService.saveAuthorization(a);
  }
}
