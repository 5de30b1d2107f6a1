package app.nobat.floor.domain;

/** The answer to a call out of turn: the same answer for a repeat while the ticket is still called there. */
public record OutOfTurnAnswer(String visitId, String ticket, String serviceCode, String deskId) {}
