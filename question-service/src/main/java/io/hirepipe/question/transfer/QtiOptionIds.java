package io.hirepipe.question.transfer;

import io.hirepipe.question.bank.QuestionRequest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The QTI identifiers a question's options go out under. QTI's identifiers are XML names (a letter or underscore,
 * then letters, digits, {@code _ - .}); an option id of ours may be any short text ("1", "opt two"), which strict
 * tools refuse. Such an id goes out as {@code opt_N}, and the id as written travels in our metadata
 * ({@link QtiMetadata}), so our own import gives it back.
 */
final class QtiOptionIds {

    private static final Pattern QTI_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private QtiOptionIds() {
    }

    /** Each option's id → its QTI identifier, in the options' order; an id that is one already stays as it is. */
    static Map<String, String> of(List<QuestionRequest.Option> options) {
        Set<String> taken = new HashSet<>();
        options.stream().map(QuestionRequest.Option::id).filter(QtiOptionIds::isIdentifier).forEach(taken::add);
        Map<String, String> identifiers = new LinkedHashMap<>();
        int next = 0;
        for (QuestionRequest.Option option : options) {
            if (isIdentifier(option.id())) {
                identifiers.put(option.id(), option.id());
                continue;
            }
            String identifier;
            do {
                identifier = "opt_" + ++next;
            } while (!taken.add(identifier));
            identifiers.put(option.id(), identifier);
        }
        return identifiers;
    }

    static boolean isIdentifier(String id) {
        return QTI_IDENTIFIER.matcher(id).matches();
    }
}
