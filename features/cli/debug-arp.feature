Feature: debug arp shows the ARP packets a router sends and receives
  One line per ARP packet, as the 12.x command reference shows them, with the interface
  (unconfirmed for 12.2: README); `show debugging` lists the switch under "Generic IP:", and
  `undebug all` turns it off with the crypto switches.

  Background:
    Given the lab "examples/static-tunnel"

  Scenario: A router resolving its peer's address after clear arp-cache shows its request and the reply
    When I run "debug arp" on "R1"
    Then the output is exactly:
      """
      ARP packet debugging is on
      """
    When I run "debug crypto isakmp" on "R1"
    And I run "show debugging" on "R1"
    Then the output is exactly:
      """
      Generic IP:
        ARP packet debugging is on
      Cryptographic Subsystem:
        Crypto ISAKMP debugging is on
      """
    When I run "clear arp-cache" on "R1"
    And host "pc1" pings "pc2"
    Then the debug log of "R1" contains in order:
      """
      ISAKMP (0:1): beginning Main Mode exchange
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) MM_NO_STATE
      IP ARP: sent req src 192.168.12.1 0003.6b04.4bc0, dst 192.168.12.2 0000.0000.0000 FastEthernet0/0
      IP ARP: rcvd rep src 192.168.12.2 0003.6b04.5080, dst 192.168.12.1 FastEthernet0/0
      """
    And the debug log of "R2" does not contain "IP ARP"
    When I run "undebug all" on "R1"
    And I run "show debugging" on "R1"
    Then the output is exactly:
      """
      """
