package io.github.securityrelease.team;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R23 for everyone in the security team, not only those who came through a rotation: at
 * every start, once the models are deployed, each member without a running membership process
 * (the demo accounts, members added in the Admin webapp) gets one, entering the member phase
 * at "Member on record". The business key check makes a second start, or a second node,
 * start none again. Two nodes starting at the same moment do this one after the other: it runs
 * under the start lock (cluster/StartLock).
 */
@Component
class MembersOnRecord {

  private static final Logger log = LoggerFactory.getLogger(MembersOnRecord.class);

  private final TeamGroups groups;
  private final Membership membership;

  MembersOnRecord(TeamGroups groups, Membership membership) {
    this.groups = groups;
    this.membership = membership;
  }

  @EventListener(PostDeployEvent.class)
  void putMembersOnRecord() {
    for (String member : groups.members()) {
      if (membership.running(member).isEmpty()) {
        membership.putOnRecord(member);
        log.info("Security team member {} put on record: the inactivity rule (R23) applies", member);
      }
    }
  }
}
