package io.github.securityrelease.metrics;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The moments of a case whose time from the report is measured, each at an element of
 * {@code vulnerability-handling.bpmn} (the ids are part of the process contract).
 */
enum Milestone {
  /** R2: the team's acknowledgement went to the reporter's case: "Acknowledge report" completed. */
  ACKNOWLEDGED("acknowledged", "Task_AcknowledgeReport", ExecutionListener.EVENTNAME_END),
  /** R7: the fix is approved: the end event "Fix approved" of "Fix development". */
  FIX_APPROVED("fix_approved", "EndEvent_FixApproved", ExecutionListener.EVENTNAME_START),
  /** R18: the case is public and ends DISCLOSED: the end event "Case disclosed". */
  DISCLOSED("disclosed", "EndEvent_Disclosed", ExecutionListener.EVENTNAME_START);

  private final String tag;
  private final String elementId;
  private final String event;

  Milestone(String tag, String elementId, String event) {
    this.tag = tag;
    this.elementId = elementId;
    this.event = event;
  }

  /** The value of the {@code milestone} tag. */
  String tag() {
    return tag;
  }

  String elementId() {
    return elementId;
  }

  /** The execution event of the element at which the milestone is reached. */
  String event() {
    return event;
  }

  static Milestone at(String elementId) {
    for (Milestone milestone : values()) {
      if (milestone.elementId.equals(elementId)) {
        return milestone;
      }
    }
    return null;
  }
}
