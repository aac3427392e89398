package org.regionalexchange.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * A console form as typed: each field's values by name (a choice may carry several), as posted or
 * as filled from what the API shows. The templates read a field with {@link #value} and a choice
 * with {@link #has}; the form's own class turns the values into the API's document.
 */
public abstract class PostedForm {

    private final Map<String, List<String>> values;

    PostedForm(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The values of a posted form, each field's list kept as posted. */
    static Map<String, List<String>> posted(MultiValueMap<String, String> posted) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        posted.forEach((name, list) -> values.put(name, List.copyOf(list)));
        return values;
    }

    /** The text typed into a field, or "" when none. */
    public String value(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? "" : list.get(0);
    }

    /** Whether the option {@code code} of a choice is chosen. */
    public boolean has(String name, String code) {
        List<String> list = values.get(name);
        return list != null && list.contains(code);
    }

    /** Every value of a field (the options chosen of a choice); empty when none. */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }
}
