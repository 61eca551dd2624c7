package cn.collectivenegotiation.notice;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who a notice goes to, as Camunda's identity service knows them ({@code User.email}): the members of
 * groups, or the people of a task (its assignee, else its candidate users and the members of its
 * candidate groups). People without an address are left out.
 */
@Component
public class Recipients {

  private final IdentityService identity;
  private final TaskService tasks;

  public Recipients(@Lazy IdentityService identity, @Lazy TaskService tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  public Set<String> ofGroups(Collection<String> groups) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groups) {
      identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
          .forEach(user -> addTo(addresses, user));
    }
    return addresses;
  }

  public Set<String> ofTask(Task task) {
    Set<String> addresses = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      addTo(addresses, identity.createUserQuery().userId(task.getAssignee()).singleResult());
      return addresses;
    }
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        addTo(addresses, identity.createUserQuery().userId(link.getUserId()).singleResult());
      } else if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    addresses.addAll(ofGroups(groups));
    return addresses;
  }

  private static void addTo(Set<String> addresses, User user) {
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(user.getEmail().trim());
    }
  }
}
