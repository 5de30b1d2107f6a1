package app.nobat.common;

/**
 * What a catalog entry of refusals is: its stable code, its HTTP status and its English template.
 * Java enums share no fields, so each catalog's constants hold one of these.
 */
public record RefusalSpec(String code, int status, String template) {}
