package app.nobat.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Fixture matchers that name the refusal a rule gives, not only its class. */
public final class Refusals {

    private Refusals() {
    }

    /** A {@link RuleViolation} with this code (the code clients and screens act on). */
    public static Matcher<Object> refused(String code) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && code.equals(v.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with the code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                mismatch.appendText(item instanceof RuleViolation v ? "was refused with " + v.code() : "was " + item);
            }
        };
    }

    /** An {@link InvalidInput} with this code, pointing at this field (a JSON pointer). */
    public static Matcher<Object> invalid(String code, String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput i && code.equals(i.code()) && field.equals(i.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("invalid input ").appendValue(code).appendText(" at ").appendValue(field);
            }
        };
    }
}
