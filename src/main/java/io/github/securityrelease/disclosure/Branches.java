package io.github.securityrelease.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** The release branches of a plan (R19), as the form's tag list submits them. */
record Branches(List<String> names) {

  static final String MASTER = "master";
  private static final Pattern BRANCH_NAME = Pattern.compile("[A-Za-z0-9._/-]{1,100}");

  static Branches of(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      json.elements().forEach(element -> names.add(element.stringValue()));
    } else if (value instanceof Iterable<?> items) {
      items.forEach(item -> names.add(String.valueOf(item)));
    } else if (value != null && !value.toString().isBlank()) {
      Spin.JSON(value.toString()).elements().forEach(element -> names.add(element.stringValue()));
    }
    for (String name : names) {
      if (!BRANCH_NAME.matcher(name).matches()) {
        throw new InvalidPlanException("releaseBranches", "'" + name + "' is not a branch name");
      }
    }
    return new Branches(List.copyOf(new LinkedHashSet<>(names)));
  }

  /** Master first, then each release branch once: where the fix is cherry-picked (R17). */
  List<String> toPatch() {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    all.add(MASTER);
    all.addAll(names);
    return List.copyOf(all);
  }

  JsonValue asJson() {
    return SpinValues.jsonValue(Spin.JSON(names)).create();
  }
}
