Feature: Hosts reach each other across two routers without crypto
  With the crypto maps removed from the WAN interfaces, Daphne and fred are plain routers: a
  host on one LAN pings a host on the other through both of them.

  Background:
    Given the lab "ted-doc"
    And I configure "Daphne" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """
    And I configure "fred" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """

  Scenario: A host pings the other LAN's host through Daphne and fred
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "!!!!!"
    And the ping success rate is 100 percent
    And the output matches:
      """
      Type escape sequence to abort.
      Sending 5, 100-byte ICMP Echos to 12.12.12.13, timeout is 2 seconds:
      !!!!!
      Success rate is 100 percent (5/5), round-trip min/avg/max = 6/6/6 ms
      """

  Scenario: Hosts may be named by topology name as well as by address
    When host "pc-fred" pings "pc-daphne" 10 times
    Then the ping shows "!!!!!!!!!!"

  Scenario: A router's own extended ping uses the source address it is given
    When I run "ping ip 12.12.12.13 repeat 3 size 200 source FastEthernet0/1" on "Daphne"
    Then the output matches:
      """
      Type escape sequence to abort.
      Sending 3, 200-byte ICMP Echos to 12.12.12.13, timeout is 2 seconds:
      Packet sent with a source address of 13.13.13.13
      !!!
      Success rate is 100 percent (3/3), round-trip min/avg/max = 4/4/4 ms
      """

  Scenario: Without its default route Daphne answers the host with unreachables
    When I configure "Daphne" with:
      """
      no ip route 0.0.0.0 0.0.0.0 11.11.11.2
      """
    And host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "U.U.U"
    And the ping success rate is 0 percent
    When I run "show ip route" on "Daphne"
    Then the output contains "Gateway of last resort is not set"
    And the output does not contain "S*"

  Scenario: When the WAN link goes down Daphne loses its routes and answers with unreachables
    When the link "wan" goes down
    And host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "U.U.U"
    When I run "show ip interface brief" on "Daphne"
    Then the output contains "FastEthernet0/0 11.11.11.1 YES NVRAM down down"
    And the debug log of "Daphne" contains in order:
      """
      %LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to down
      %LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0/0, changed state to down
      """
    When the link "wan" comes up
    And host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "!!!!!"

  Scenario: When the LAN link goes down the host's echoes are lost without an answer
    When the link "lan1" goes down
    And host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "....."

  Scenario: An inbound ACL on fred blocks echo requests from Daphne's LAN but lets replies through
    When I configure "fred" with:
      """
      access-list 150 deny icmp 13.13.13.0 0.0.0.255 any echo
      access-list 150 permit ip any any
      interface FastEthernet0/0
       ip access-group 150 in
      """
    And host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "U.U.U"
    When host "12.12.12.13" pings "13.13.13.14"
    Then the ping shows "!!!!!"
    When I run "show access-lists 150" on "fred"
    Then the output matches:
      """
      Extended IP access list 150
          deny icmp 13.13.13.0 0.0.0.255 any echo (5 matches)
          permit ip any any (5 matches)
      """
