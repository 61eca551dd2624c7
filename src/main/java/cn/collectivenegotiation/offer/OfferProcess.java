package cn.collectivenegotiation.offer;

/** The {@code collective-offer} process: its key and the ids of the steps code refers to. */
public final class OfferProcess {

  public static final String KEY = "collective-offer";

  private OfferProcess() {}
}
