package app.nobat.floor.domain;

/** The answer to a call-next: the same answer for every repeat of its request id. */
public record CallAnswer(String visitId, String ticket, String serviceCode, String deskId, CallReason reason) {}
