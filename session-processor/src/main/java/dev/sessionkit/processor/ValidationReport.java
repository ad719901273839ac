package dev.sessionkit.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The problems found in one schema, collected rather than printed as they are found, so that the
 * caller decides what to generate and prints them all at once. Each problem lands on the element
 * it concerns and is tagged {@code [SessionSchema<Rule>]}.
 */
final class ValidationReport {

    /**
     * One problem.
     *
     * @param element where it is
     * @param annotation the annotation it concerns, or null
     * @param value the annotation value it concerns, or null
     * @param rule the rule's tag
     * @param message what is wrong and how to fix it
     */
    record Item(Element element, AnnotationMirror annotation, AnnotationValue value, String rule, String message) {}

    private final List<Item> items = new ArrayList<>();

    void error(Element element, String rule, String message) {
        items.add(new Item(element, null, null, rule, message));
    }

    void error(Element element, AnnotationMirror annotation, String rule, String message) {
        items.add(new Item(element, annotation, null, rule, message));
    }

    /** A problem with one value of an annotation: the caret lands on that value. */
    void error(Element element, AnnotationMirror annotation, AnnotationValue value, String rule, String message) {
        items.add(new Item(element, annotation, value, rule, message));
    }

    boolean isClean() {
        return items.isEmpty();
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    void printTo(Messager messager) {
        for (Item item : items) {
            String text = "[SessionSchema" + item.rule() + "] " + item.message();
            if (item.annotation() == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, text, item.element());
            } else if (item.value() != null) {
                messager.printMessage(Diagnostic.Kind.ERROR, text, item.element(), item.annotation(), item.value());
            } else {
                messager.printMessage(Diagnostic.Kind.ERROR, text, item.element(), item.annotation());
            }
        }
    }
}
