Feature: Two sites joined by an IPsec tunnel
  R1 and R2 protect the traffic between their LANs with static crypto maps (labs/two-sites).
  Change a configuration, run `npx tedlab run`, and see what IOS 12.2 makes of it.

  Scenario: The first ping brings the tunnel up, the rest travel in ESP
    Given the lab "two-sites"
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When I run "show crypto isakmp sa" on "R1"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      192.168.12.2    192.168.12.1    QM_IDLE              1    0
      """
    When I run "show crypto ipsec sa" on "R2"
    Then the output contains "#pkts decaps: 4, #pkts decrypt: 4, #pkts verify 4"

  Scenario: With different pre-shared keys the tunnel never comes up
    Given the lab "two-sites"
    When I configure "R2" with:
      """
      no crypto isakmp key s3cret address 192.168.12.1
      crypto isakmp key wrong address 192.168.12.1
      """
    And I run "debug crypto isakmp" on "R2"
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.168.12.1 failed its sanity check or is malformed"
