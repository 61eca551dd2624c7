package cn.collectivenegotiation.offer;

/** An enterprise a regional (industry) offer covers; it may later hold its own secondary negotiation. */
public record CoveredEnterprise(String creditCode, String name, int workforce) {}
