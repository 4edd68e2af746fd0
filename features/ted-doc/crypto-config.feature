Feature: The document's crypto configuration as IOS shows it before any traffic
  Before a packet has matched the crypto ACL, Daphne has only the TED template: no peer, no
  dynamic instance, and its ISAKMP policy next to IOS's default protection suite.

  Background:
    Given the lab "ted-doc"

  Scenario: show crypto map lists the discover template and the interface using it
    When I run "show crypto map" on "Daphne"
    Then the output matches:
      """
      Crypto Map "tedtag" 10 ipsec-isakmp
              Dynamic map template tag: ted-map
              Discover enabled
              Interfaces using crypto map tedtag:
                      FastEthernet0/0
      """

  Scenario: show crypto isakmp policy lists policy 10 with pre-shared keys, then the default suite
    When I run "show crypto isakmp policy" on "fred"
    Then the output contains "Protection suite of priority 10"
    And the output contains "authentication method: Pre-Shared Key"
    And the output contains "Default protection suite"
    And the output contains "authentication method: Rivest-Shamir-Adleman Signature"
