package cn.collectivenegotiation.registry;

import java.util.Collection;

/**
 * Told of the registry's changes in the transaction that makes them, before the rows are changed and after new
 * ones are inserted: the campaigns keep their establishment rates from them ({@code campaign/EstablishmentRateTally}).
 */
public interface RegistryChanges {

  RegistryChanges NONE = new RegistryChanges() {
    @Override
    public void changing(Collection<String> creditCodes) {}

    @Override
    public void inserted(Collection<String> creditCodes) {}
  };

  /** These registered enterprises are about to be changed. */
  void changing(Collection<String> creditCodes);

  /** This transaction has just registered these enterprises. */
  void inserted(Collection<String> creditCodes);
}
