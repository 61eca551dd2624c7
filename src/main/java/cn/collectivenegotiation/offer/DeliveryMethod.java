package cn.collectivenegotiation.offer;

/**
 * How the offer reached the offeree (送达方式); the response period runs from the day it did
 * (《集体合同规定》第三十二条: 收到集体协商要求之日起).
 */
public enum DeliveryMethod {
  /** 系统送达: the offeree's account sees it the day it is sent. */
  SYSTEM,
  /** 直接送达: handed over against a signed receipt (签收). */
  IN_PERSON,
  /** 邮寄送达: by post; the day of receipt on the return card. */
  POST
}
