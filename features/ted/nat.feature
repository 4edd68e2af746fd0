Feature: TED does not work through NAT, as the document warns
  A TED probe is addressed to the protected host itself, so its addresses must be routable end
  to end. Here fred's LAN host is reachable from the WAN only through static NAT, as 11.11.11.13:
  Daphne's probe for 11.11.11.13 is translated and delivered to the host like any UDP datagram,
  no router answers it, and no tunnel ever comes up.

  Scenario: A probe for a host behind NAT reaches the host instead of its router and is never answered
    Given the lab "ted-doc"
    And I configure "fred" with:
      """
      interface FastEthernet0/0
       ip nat outside
      interface FastEthernet0/1
       ip nat inside
      ip nat inside source static 12.12.12.13 11.11.11.13
      """
    And I configure "Daphne" with:
      """
      no access-list 101
      access-list 101 permit ip 13.13.13.0 0.0.0.255 host 11.11.11.13
      """
    And I run "debug crypto isakmp" on "Daphne"
    And I run "debug crypto isakmp" on "fred"
    When host "13.13.13.14" pings "11.11.11.13"
    Then the ping shows "....."
    When I run "show ip nat translations" on "fred"
    Then the output contains "udp 11.11.11.13:500 12.12.12.13:500 13.13.13.14:500 13.13.13.14:500"
    When 60 seconds pass
    Then the debug log of "Daphne" contains in order:
      """
      ISAKMP (0:1): sending packet to 11.11.11.13 (I) PEER_DISCOVERY via FastEthernet0/0:11.11.11.13
      ISAKMP (0:1): retransmitting phase 1 PEER_DISCOVERY...
      ISAKMP (0:1): deleting SA reason "death by retransmission P1" state (I) PEER_DISCOVERY (peer 11.11.11.13)
      """
    And the debug log of "fred" does not contain "responding to peer discovery probe"
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output does not contain "QM_IDLE"
    When host "13.13.13.14" pings "11.11.11.13"
    Then the ping shows "....."
