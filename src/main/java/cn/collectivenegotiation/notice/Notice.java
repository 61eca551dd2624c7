package cn.collectivenegotiation.notice;

import java.util.Set;

/** One e-mail: its Chinese subject and body, and the addresses it goes to (one message, all in To). */
public record Notice(String subject, String body, Set<String> to) {}
