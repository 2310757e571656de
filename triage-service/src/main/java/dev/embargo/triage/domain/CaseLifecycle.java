package dev.embargo.triage.domain;

import static dev.embargo.triage.domain.CaseState.ACCEPTED;
import static dev.embargo.triage.domain.CaseState.ACKNOWLEDGED;
import static dev.embargo.triage.domain.CaseState.CLOSED;
import static dev.embargo.triage.domain.CaseState.DUPLICATE;
import static dev.embargo.triage.domain.CaseState.FIXING;
import static dev.embargo.triage.domain.CaseState.NEEDS_INFO;
import static dev.embargo.triage.domain.CaseState.NEW;
import static dev.embargo.triage.domain.CaseState.OUT_OF_SCOPE;
import static dev.embargo.triage.domain.CaseState.POST_MORTEM;
import static dev.embargo.triage.domain.CaseState.PRE_RELEASE;
import static dev.embargo.triage.domain.CaseState.PUBLISHED;
import static dev.embargo.triage.domain.CaseState.SPAM;
import static dev.embargo.triage.domain.CaseState.TRIAGING;
import static dev.embargo.triage.domain.CaseState.WONT_FIX;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves a case may make. Decisions that end a case (duplicate, out of scope, spam, won't fix)
 * lead only to closing; a fix goes through pre-release or straight to publication; only a published
 * case has a post-mortem.
 */
public final class CaseLifecycle {

    private static final Map<CaseState, EnumSet<CaseState>> ALLOWED =
            new EnumMap<>(CaseState.class);

    static {
        ALLOWED.put(NEW, EnumSet.of(ACKNOWLEDGED, SPAM));
        ALLOWED.put(ACKNOWLEDGED, EnumSet.of(TRIAGING, DUPLICATE, SPAM));
        ALLOWED.put(
                TRIAGING,
                EnumSet.of(NEEDS_INFO, ACCEPTED, DUPLICATE, OUT_OF_SCOPE, SPAM, WONT_FIX));
        ALLOWED.put(NEEDS_INFO, EnumSet.of(TRIAGING, CLOSED));
        ALLOWED.put(ACCEPTED, EnumSet.of(FIXING, WONT_FIX));
        ALLOWED.put(FIXING, EnumSet.of(PRE_RELEASE, PUBLISHED));
        ALLOWED.put(PRE_RELEASE, EnumSet.of(PUBLISHED, FIXING));
        ALLOWED.put(PUBLISHED, EnumSet.of(POST_MORTEM, CLOSED));
        ALLOWED.put(POST_MORTEM, EnumSet.of(CLOSED));
        for (CaseState decided : EnumSet.of(DUPLICATE, OUT_OF_SCOPE, SPAM, WONT_FIX)) {
            ALLOWED.put(decided, EnumSet.of(CLOSED));
        }
        ALLOWED.put(CLOSED, EnumSet.noneOf(CaseState.class));
    }

    private CaseLifecycle() {}

    /** Where a case in {@code state} may go next. */
    public static Set<CaseState> allowedFrom(CaseState state) {
        return EnumSet.copyOf(ALLOWED.get(state));
    }

    public static boolean allows(CaseState from, CaseState to) {
        return ALLOWED.get(from).contains(to);
    }

    /**
     * Triage ends with its decision: the case leaves acknowledged or triaging for anything but more
     * triage.
     */
    public static boolean endsTriage(CaseState from, CaseState to) {
        return (from == ACKNOWLEDGED || from == TRIAGING) && to != TRIAGING && to != NEEDS_INFO;
    }
}
